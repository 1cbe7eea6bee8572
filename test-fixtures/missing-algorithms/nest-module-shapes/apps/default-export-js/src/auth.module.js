import { Module } from '@nestjs/common';
import jwtModule from './jwt.module';
import { AuthService } from './auth.service';

@Module({ imports: [jwtModule], providers: [AuthService] })
export class AuthModule {}
