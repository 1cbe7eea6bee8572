import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { jwtVerify } from 'jose';

@Module({
  imports: [
    JwtModule.register({
      secret: process.env.JWT_SECRET,
      signOptions: { expiresIn: '15m' },
      verifyOptions: { algorithms: ['HS256'], ignoreExpiration: true }, // expect: ignore-expiration
    }),
  ],
})
export class AuthModule {}

const key = new TextEncoder().encode(process.env.JWT_SECRET);
export const check = (t: string) => jwtVerify(t, key, { algorithms: ['HS256'], clockTolerance: '2h' }); // expect: ignore-expiration
