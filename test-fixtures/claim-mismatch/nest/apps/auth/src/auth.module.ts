import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AuthService } from './auth.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        privateKey: config.get<string>('jwt.privateKey'),
        signOptions: { algorithm: 'RS256', expiresIn: '15m' },
        verifyOptions: { algorithms: ['RS256'] },
      }),
    }),
  ],
  providers: [AuthService],
})
export class AuthModule {}
