import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';

@Module({
  imports: [
    JwtModule.register({
      secret: process.env.JWT_SECRET,
      verifyOptions: { algorithms: ['HS256'] },
    }),
  ],
})
export class AuthModule {}
