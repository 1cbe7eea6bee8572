import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class SessionService {
  constructor(private readonly jwt: JwtService) {}

  renew(sub: string) {
    const refreshToken = this.jwt.sign({ sub }, { expiresIn: '30d' });
    return refreshToken;
  }
}
