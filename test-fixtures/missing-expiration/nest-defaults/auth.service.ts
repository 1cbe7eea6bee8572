import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthService {
  constructor(private jwtService: JwtService) {}

  // Inherits signOptions.expiresIn from the module.
  async login(user: { id: string; username: string }) {
    return { access_token: await this.jwtService.signAsync({ sub: user.id, username: user.username }) };
  }
}
