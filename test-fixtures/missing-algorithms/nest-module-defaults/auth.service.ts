import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

// The module sets verifyOptions.algorithms, which every call inherits.
@Injectable()
export class AuthService {
  constructor(private readonly jwtService: JwtService) {}

  async validate(token: string) {
    return this.jwtService.verifyAsync(token);
  }

  issue(userId: string) {
    return this.jwtService.sign({ sub: userId });
  }
}
