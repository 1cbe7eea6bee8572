import * as jose from 'jose';
import jwt = require('jsonwebtoken');

const key = new TextEncoder().encode('short-key-1234');

export const create = (sub: string) =>
  new jose.SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('10m').sign(key); // expect: hardcoded-secret, weak-secret

const { JWT_SECRET = 'changeme' } = process.env;
export const legacy = (t: string) => jwt.verify(t, JWT_SECRET, { algorithms: ['HS256'] }); // expect: hardcoded-secret, weak-secret
