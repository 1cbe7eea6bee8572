import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { VerifyOnlyService } from './verify-only.service';

// The verification allowlist is not the algorithm signs use.
@Module({
  imports: [
    JwtModule.register({
      privateKey: process.env.VERIFY_ONLY_PRIVATE_KEY,
      signOptions: { expiresIn: '15m' },
      verifyOptions: { algorithms: ['ES256'] },
    }),
  ],
  providers: [VerifyOnlyService],
})
export class VerifyOnlyModule {}
