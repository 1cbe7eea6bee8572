import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { mint } from './tokens';

@Injectable()
export class SessionService {
  constructor(private readonly jwt: JwtService) {}

  open(userId: string) {
    return mint(this.jwt, { sub: userId }); // expect: missing-expiration
  }

  openShort(userId: string) {
    return mint(this.jwt, { sub: userId }, { expiresIn: '15m' });
  }

  openWith(userId: string, options: JwtSignOptions) {
    return mint(this.jwt, { sub: userId }, options);
  }
}
