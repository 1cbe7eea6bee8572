import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { SplitService } from './split.service';

// A second registration beside the first, with another algorithm: which one the service
// gets is not known.
@Module({
  imports: [
    JwtModule.register({
      privateKey: process.env.SPLIT_PRIVATE_KEY,
      signOptions: { algorithm: 'ES256', expiresIn: '15m' },
    }),
  ],
  providers: [SplitService],
})
export class SplitAdminModule {}
