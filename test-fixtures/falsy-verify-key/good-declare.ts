import { jwtVerify } from 'jose';
import jwt from 'jsonwebtoken';

// Ambient declarations: the values exist, provided elsewhere (a bundler define, a
// runtime global); they are unknown here, not undefined.
declare const PUBLIC_KEY: CryptoKey;
declare const JWT_SECRET: string;
declare global {
  var SIGNING_KEY: string;
}

export const check = (t: string) => jwtVerify(t, PUBLIC_KEY, { algorithms: ['ES256'] });
export const legacy = (t: string) => jwt.verify(t, JWT_SECRET, { algorithms: ['HS256'] });
