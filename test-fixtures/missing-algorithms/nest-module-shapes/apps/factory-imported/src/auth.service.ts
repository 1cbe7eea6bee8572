import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private readonly jwtService: JwtService) {}

  run(token: string) {
    return this.jwtService.verify(token); // expect: missing-algorithms
  }
}
