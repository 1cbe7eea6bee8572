import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

// The gateway holds the public half and allows only ES256: every token of the auth
// service (RS256, from its module's sign options) is rejected.
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: process.env.JWT_PUBLIC_KEY!.replace(/\\n/g, '\n'),
      algorithms: ['ES256'], // expect: algorithm-mismatch
    });
  }

  validate(payload: { sub: string }) {
    return { userId: payload.sub };
  }
}
