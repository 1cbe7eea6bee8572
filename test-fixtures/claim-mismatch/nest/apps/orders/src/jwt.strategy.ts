import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(config: ConfigService) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: config.get<string>('jwt.publicKey'), algorithms: ['RS256'], audience: 'orders', issuer: 'auth-service' }); // expect: claim-mismatch
  }

  validate(payload: { sub: string }) {
    return { userId: payload.sub };
  }
}
