import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AdminAuthService {
  constructor(private readonly jwtService: JwtService) {}

  login(adminId: string) {
    return this.jwtService.sign({ sub: adminId, admin: true }); // expect: missing-expiration
  }

  loginShort(adminId: string) {
    return this.jwtService.sign({ sub: adminId, admin: true }, { expiresIn: '10m' });
  }
}
