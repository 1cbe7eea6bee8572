import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private readonly jwt: JwtService) {}

  // Signed with the module's secret.
  login(userId: string) {
    return this.jwt.sign({ sub: userId });
  }
}
