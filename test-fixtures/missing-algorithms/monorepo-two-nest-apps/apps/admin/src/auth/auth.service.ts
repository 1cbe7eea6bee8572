import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AdminAuthService {
  constructor(private readonly jwtService: JwtService) {}

  check(token: string) {
    return this.jwtService.verify(token); // expect: missing-algorithms
  }

  checkStrict(token: string) {
    return this.jwtService.verify(token, { algorithms: ['HS256'] });
  }
}
