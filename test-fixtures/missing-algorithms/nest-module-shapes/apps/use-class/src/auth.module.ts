import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { JwtConfigService } from './jwt-config.service';
import { AuthService } from './auth.service';

// `useClass`: the options come from `createJwtOptions()`, which is not read; unknown.
@Module({
  imports: [JwtModule.registerAsync({ useClass: JwtConfigService })],
  providers: [AuthService],
})
export class AuthModule {}
