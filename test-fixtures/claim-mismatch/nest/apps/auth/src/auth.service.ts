import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private readonly jwt: JwtService) {}

  // Signed with the module's private key, for the orders app.
  async login(userId: string) {
    return this.jwt.signAsync({ sub: userId }, { audience: 'orders', issuer: 'auth' });
  }
}
