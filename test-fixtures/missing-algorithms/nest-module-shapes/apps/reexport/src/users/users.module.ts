import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AuthService } from './auth.service';

@Module({ imports: [AuthModule], providers: [AuthService] })
export class UsersModule {}
