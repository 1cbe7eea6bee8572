import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ConfigService } from '@nestjs/config';
import { jwtFactory } from './jwt.factory';
import { AuthService } from './auth.service';

@Module({
  imports: [JwtModule.registerAsync({ inject: [ConfigService], useFactory: jwtFactory })],
  providers: [AuthService],
})
export class AuthModule {}
