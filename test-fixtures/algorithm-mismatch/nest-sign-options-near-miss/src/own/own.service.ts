import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class OwnService {
  constructor(private readonly jwt: JwtService) {}

  // The call's own algorithm wins over the module's.
  login(userId: string) {
    return this.jwt.sign({ sub: userId }, { algorithm: 'ES256' });
  }
}
