import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  private readonly jwtService: JwtService;

  constructor(jwtService: JwtService) {
    this.jwtService = jwtService;
  }

  login(user: { id: string }) {
    return this.jwtService.sign({ sub: user.id }); // expect: missing-expiration
  }

  loginWithOptions(user: { id: string }) {
    return this.jwtService.sign({ sub: user.id }, { expiresIn: '30m' });
  }
}
