import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { SessionService } from './session.service';

// Module defaults with an allowlist but no lifetime: calls must give `expiresIn`.
@Module({
  imports: [
    JwtModule.register({
      secret: process.env.JWT_SECRET,
      verifyOptions: { algorithms: ['HS256'] },
    }),
  ],
  providers: [SessionService],
})
export class AuthModule {}
