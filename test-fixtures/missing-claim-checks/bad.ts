import { jwtVerify } from 'jose';
import { Strategy, ExtractJwt } from 'passport-jwt';

const key = new TextEncoder().encode(process.env.JWT_SECRET);
export const check = (t: string) => jwtVerify(t, key, { algorithms: ['HS256'] }); // expect: missing-claim-checks

export const strategy = new Strategy( // expect: missing-claim-checks
  { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET, algorithms: ['HS256'] },
  (p: unknown, done: (e: null, u: unknown) => void) => done(null, p),
);
