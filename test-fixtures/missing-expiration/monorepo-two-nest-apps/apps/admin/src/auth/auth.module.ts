import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AdminAuthService } from './auth.service';

// The admin app registers its own module without `signOptions`: the api's lifetime does not
// reach it.
@Module({
  imports: [
    JwtModule.register({
      secret: process.env.ADMIN_JWT_SECRET,
      verifyOptions: { algorithms: ['HS256'] },
    }),
  ],
  providers: [AdminAuthService],
})
export class AdminAuthModule {}
