import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private readonly jwtService: JwtService) {}

  run(userId: string) {
    return this.jwtService.sign({ sub: userId }); // expect: missing-expiration
  }
}
