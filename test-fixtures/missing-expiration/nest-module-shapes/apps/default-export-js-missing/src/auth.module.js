import { Module } from '@nestjs/common';
import jwtModule from './jwt.module';
import { AuthService } from './auth.service';
import { LegacyService } from './legacy.service';

@Module({ imports: [jwtModule], providers: [AuthService, LegacyService] })
export class AuthModule {}
