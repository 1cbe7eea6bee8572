import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TokensService } from './tokens.service';

// The api's one module: both of its tokens get this secret.
@Module({
  imports: [JwtModule.register({ secret: process.env.JWT_SECRET })],
  providers: [TokensService],
})
export class AuthModule {}
