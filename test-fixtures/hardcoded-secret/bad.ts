import { Module, Injectable } from '@nestjs/common';
import { JwtModule, JwtService } from '@nestjs/jwt';

export const jwtConstants = {
  secret: 'DO NOT USE THIS VALUE. INSTEAD, CREATE A COMPLEX SECRET.',
};

@Module({
  imports: [
    JwtModule.register({
      global: true,
      secret: jwtConstants.secret, // expect: hardcoded-secret, weak-secret
      signOptions: { expiresIn: '60s' },
      verifyOptions: { algorithms: ['HS256'] },
    }),
  ],
})
export class AuthModule {}

@Injectable()
export class TokenService {
  constructor(private readonly jwtService: JwtService) {}

  refresh(userId: string) {
    return this.jwtService.sign(
      { sub: userId },
      { secret: 'refresh-secret-in-the-service-file-000', expiresIn: '7d' }, // expect: hardcoded-secret
    );
  }
}
