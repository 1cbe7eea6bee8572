import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class TokensService {
  constructor(private readonly jwt: JwtService) {}

  issue(sub: string) {
    const accessToken = this.jwt.sign({ sub }, { expiresIn: '15m' });
    const refreshToken = this.jwt.sign({ sub }, { expiresIn: '7d' }); // expect: shared-secret
    return { accessToken, refreshToken };
  }
}
