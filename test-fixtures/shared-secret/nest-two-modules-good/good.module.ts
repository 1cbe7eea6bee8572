import { Module } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';

// Two module registrations: which secret a call inherits is not known, so nothing is compared.
@Module({ imports: [JwtModule.register({ secret: process.env.ACCESS_SECRET, signOptions: { expiresIn: '15m' } })] })
export class AccessModule {}

@Module({ imports: [JwtModule.register({ secret: process.env.REFRESH_SECRET, signOptions: { expiresIn: '7d' } })] })
export class RefreshModule {}

export class Tokens {
  constructor(private jwt: JwtService) {}
  access(sub: string) {
    const accessToken = this.jwt.sign({ sub });
    return accessToken;
  }
  refresh(sub: string) {
    const refreshToken = this.jwt.sign({ sub });
    return refreshToken;
  }
}
