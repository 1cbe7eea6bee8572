import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private readonly jwtService: JwtService) {}

  issueAccessToken(adminId: string) {
    return this.jwtService.sign({ sub: adminId });
  }

  check(accessToken: string) {
    return this.jwtService.verifyAsync(accessToken);
  }
}
