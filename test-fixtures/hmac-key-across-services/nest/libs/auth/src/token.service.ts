import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

// A shared library registers no JwtModule: which app's secret it verifies with depends on
// the app that imports it, so it is not compared with any issuer.
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  check(token: string) {
    return this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
  }
}
