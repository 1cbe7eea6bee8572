import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ConfigService } from '@nestjs/config';

// Both tokens get the module's one secret.
@Injectable()
export class AuthService {
  constructor(
    private jwtService: JwtService,
    private configService: ConfigService,
  ) {}

  private async generateRefreshToken(userUid: string) {
    const refreshToken = await this.jwtService.sign({ sub: userUid }, { // expect: shared-secret
      expiresIn: this.configService.get('INFRA.REFRESH_TOKEN_VALIDITY'),
    });
    return refreshToken;
  }

  async generateAuthTokens(userUid: string) {
    const refreshToken = await this.generateRefreshToken(userUid);
    return {
      access_token: await this.jwtService.sign({ sub: userUid }, {
        expiresIn: this.configService.get('INFRA.ACCESS_TOKEN_VALIDITY'),
      }),
      refresh_token: refreshToken,
    };
  }
}
