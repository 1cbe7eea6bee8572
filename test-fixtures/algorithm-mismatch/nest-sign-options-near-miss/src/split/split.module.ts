import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { SplitService } from './split.service';

@Module({
  imports: [
    JwtModule.register({
      privateKey: process.env.SPLIT_PRIVATE_KEY,
      signOptions: { algorithm: 'RS256', expiresIn: '15m' },
    }),
  ],
  providers: [SplitService],
})
export class SplitModule {}
