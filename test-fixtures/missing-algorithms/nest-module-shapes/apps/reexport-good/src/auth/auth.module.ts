import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';

// Registers the module once and re-exports it to every module importing AuthModule.
@Module({
  imports: [JwtModule.register({ secret: process.env.JWT_SECRET, verifyOptions: { algorithms: ['HS256'] } })],
  exports: [JwtModule],
})
export class AuthModule {}
