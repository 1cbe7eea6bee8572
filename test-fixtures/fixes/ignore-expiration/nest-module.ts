// NestJS module defaults: the property is removed from `verifyOptions`.
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';

@Module({
  imports: [
    JwtModule.register({
      secret: process.env.IE_NEST_SECRET,
      signOptions: { expiresIn: '15m' },
      verifyOptions: { algorithms: ['HS256'], ignoreExpiration: true }, // expect: ignore-expiration
    }),
  ],
})
export class AuthModule {}
