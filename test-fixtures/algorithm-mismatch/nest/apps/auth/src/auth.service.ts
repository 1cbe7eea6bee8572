import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private readonly jwt: JwtService) {}

  // The module's secret, signed HS384.
  login(userId: string) {
    return this.jwt.sign({ sub: userId }, { algorithm: 'HS384' });
  }
}
