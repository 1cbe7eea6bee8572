import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { SessionService } from './session.service';

// Another app, another deployment: its module's secret is its own even when the variable has
// the same name as the api's, so its refresh token is not compared with the api's access token.
@Module({
  imports: [JwtModule.register({ secret: process.env.JWT_SECRET })],
  providers: [SessionService],
})
export class AdminAuthModule {}
