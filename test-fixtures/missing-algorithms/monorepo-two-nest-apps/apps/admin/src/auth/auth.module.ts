import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AdminAuthService } from './auth.service';

// The admin app registers its own module without `verifyOptions`: the api's allowlist does
// not reach it.
@Module({
  imports: [
    JwtModule.register({
      secret: process.env.ADMIN_JWT_SECRET,
      signOptions: { expiresIn: '10m' },
    }),
  ],
  providers: [AdminAuthService],
})
export class AdminAuthModule {}
