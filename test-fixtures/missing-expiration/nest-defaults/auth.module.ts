import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';

@Module({
  imports: [
    JwtModule.register({
      secret: process.env.JWT_SECRET,
      signOptions: { expiresIn: '1h' },
      verifyOptions: { algorithms: ['HS256'] },
    }),
  ],
})
export class AuthModule {}
