import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { SignJWT } from 'jose';

@Module({
  imports: [
    JwtModule.register({
      secret: process.env.JWT_SECRET,
      signOptions: { expiresIn: '24h' }, // expect: long-lived-token
      verifyOptions: { algorithms: ['HS256'] },
    }),
  ],
})
export class AuthModule {}

const key = new TextEncoder().encode(process.env.SESSION_SECRET);
export const session = (sub: string) =>
  new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('30 days').sign(key); // expect: long-lived-token
