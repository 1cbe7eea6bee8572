import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import jwt from 'jsonwebtoken';

// Keys read from the configuration service, their newlines restored.
@Injectable()
export class Tokens {
  constructor(private readonly config: ConfigService) {}

  issue(sub: string) {
    return jwt.sign({ sub }, this.config.get<string>('JWT_PRIVATE_KEY')!.replace(/\\n/g, '\n'), { algorithm: 'RS256', expiresIn: '15m' });
  }

  check(t: string) {
    return jwt.verify(t, this.config.getOrThrow<string>('JWT_PUBLIC_KEY').replace(/\\n/g, '\n'), { algorithms: ['ES256'] }); // expect: algorithm-mismatch
  }

  // Near-miss: another pair's public key.
  checkPartner(t: string) {
    return jwt.verify(t, this.config.getOrThrow<string>('PARTNER_PUBLIC_KEY').replace(/\\n/g, '\n'), { algorithms: ['ES256'] });
  }
}
