import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthService } from './auth.service';

// The module's sign options give every `JwtService.sign` its algorithm.
@Module({
  imports: [
    JwtModule.register({
      privateKey: process.env.JWT_PRIVATE_KEY!.replace(/\\n/g, '\n'),
      publicKey: process.env.JWT_PUBLIC_KEY!.replace(/\\n/g, '\n'),
      signOptions: { algorithm: 'RS256', expiresIn: '15m' },
      verifyOptions: { algorithms: ['RS256'] },
    }),
  ],
  providers: [AuthService],
})
export class AuthModule {}
