import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Secrets } from '.';

@Injectable()
export class RefreshService {
  constructor(private readonly jwt: JwtService) {}

  issue(sub: string) {
    return this.jwt.sign({ sub }, { secret: Secrets.Refresh, expiresIn: '7d' }); // expect: hardcoded-secret
  }
}
