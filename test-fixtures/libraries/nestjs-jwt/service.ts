import { JwtModule, JwtService } from '@nestjs/jwt';
export const mod = JwtModule.register({ secret: process.env.S, signOptions: { expiresIn: '2h' }, verifyOptions: { algorithms: ['HS256'] } }); // expect: long-lived-token
export class Tokens {
  constructor(private readonly jwt: JwtService) {}
  s(sub: string) { return this.jwt.sign({ sub }); }
  v(t: string) { return this.jwt.verify(t); }
  d(t: string) { return this.jwt.decode(t); }
}
