import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthService } from './auth.service';

// The admin app signs and verifies its own tokens with its own secret.
@Module({
  imports: [
    JwtModule.register({
      secret: process.env.ADMIN_JWT_SECRET,
      signOptions: { expiresIn: '1h', algorithm: 'HS512' },
      verifyOptions: { algorithms: ['HS512'] },
    }),
  ],
  providers: [AuthService],
})
export class AuthModule {}
