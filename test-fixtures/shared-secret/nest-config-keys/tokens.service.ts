import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ConfigService } from '@nestjs/config';

@Injectable()
export class TokensService {
  constructor(
    private readonly jwtService: JwtService,
    private readonly config: ConfigService,
  ) {}

  async getTokens(userId: string) {
    const accessToken = await this.jwtService.signAsync(
      { sub: userId },
      { secret: this.config.get<string>('JWT_SECRET'), expiresIn: '15m' },
    );
    const refreshToken = await this.jwtService.signAsync(
      { sub: userId },
      { secret: this.config.get<string>('JWT_SECRET'), expiresIn: '7d' }, // expect: shared-secret
    );
    return { accessToken, refreshToken };
  }

  // Separate keys: fine.
  async getSeparateTokens(userId: string) {
    const accessToken = await this.jwtService.signAsync(
      { sub: userId },
      { secret: this.config.get<string>('JWT_ACCESS_SECRET'), expiresIn: '15m' },
    );
    const refreshToken = await this.jwtService.signAsync(
      { sub: userId },
      { secret: this.config.getOrThrow<string>('JWT_REFRESH_SECRET'), expiresIn: '7d' },
    );
    return { accessToken, refreshToken };
  }
}
