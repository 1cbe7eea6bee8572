import { createPublicKey } from 'crypto';
import { Strategy, ExtractJwt } from 'passport-jwt';

const PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
-----END PUBLIC KEY-----`;

export const strategy = new Strategy(
  {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    secretOrKey: createPublicKey(PUBLIC_KEY), // expect: algorithm-confusion
    algorithms: ['HS256'],
  },
  (p: unknown, done: (e: null, u: unknown) => void) => done(null, p),
);
