import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthService } from './auth.service';

@Module({
  imports: [
    JwtModule.register({
      secret: process.env.JWT_SECRET,
      signOptions: { expiresIn: '15m' },
      verifyOptions: { algorithms: ['HS384'] },
    }),
  ],
  providers: [AuthService],
})
export class AuthModule {}
