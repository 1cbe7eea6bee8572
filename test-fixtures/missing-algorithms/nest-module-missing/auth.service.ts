import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private jwt: JwtService) {}

  async validate(token: string) {
    try {
      return await this.jwt.verifyAsync(token); // expect: missing-algorithms
    } catch {
      throw new UnauthorizedException();
    }
  }
}
