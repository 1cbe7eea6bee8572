import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class SplitService {
  constructor(private readonly jwt: JwtService) {}

  login(userId: string) {
    return this.jwt.sign({ sub: userId });
  }
}
