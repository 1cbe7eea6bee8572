import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as jose from 'jose';

@Injectable()
export class TokensService {
  constructor(private readonly jwtService: JwtService) {}

  async getTokens(userId: string) {
    const [accessToken, refreshToken] = await Promise.all([
      this.jwtService.signAsync({ sub: userId }, { secret: process.env.JWT_ACCESS_SECRET, expiresIn: '15m' }),
      this.jwtService.signAsync({ sub: userId }, { secret: process.env.JWT_ACCESS_SECRET, expiresIn: '7d' }), // expect: shared-secret
    ]);
    return { accessToken, refreshToken };
  }
}

const key = new TextEncoder().encode(process.env.SESSION_SECRET);
export async function issuePair(sub: string) {
  const accessToken = await new jose.SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('10m').sign(key);
  const refreshToken = await new jose.SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('14d').sign(key); // expect: shared-secret
  return { accessToken, refreshToken };
}
