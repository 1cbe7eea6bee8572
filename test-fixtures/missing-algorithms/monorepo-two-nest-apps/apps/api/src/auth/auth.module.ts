import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthService } from './auth.service';

// The api's verifications get an allowlist from the module.
@Module({
  imports: [
    JwtModule.register({
      secret: process.env.JWT_SECRET,
      signOptions: { expiresIn: '15m' },
      verifyOptions: { algorithms: ['HS256'] },
    }),
  ],
  providers: [AuthService],
})
export class AuthModule {}
