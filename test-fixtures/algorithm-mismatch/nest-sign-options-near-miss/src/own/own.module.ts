import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { OwnService } from './own.service';

@Module({
  imports: [
    JwtModule.register({
      privateKey: process.env.OWN_PRIVATE_KEY,
      signOptions: { algorithm: 'RS256', expiresIn: '15m' },
    }),
  ],
  providers: [OwnService],
})
export class OwnModule {}
