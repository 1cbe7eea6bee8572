import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private readonly jwt: JwtService) {}

  // No algorithm here: RS256, from the module.
  login(userId: string) {
    return this.jwt.sign({ sub: userId });
  }
}
