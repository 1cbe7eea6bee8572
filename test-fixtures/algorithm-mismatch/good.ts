import { SignJWT, jwtVerify } from 'jose';

const key = new TextEncoder().encode(process.env.SESSION_SECRET);
export const issue = (sub: string) =>
  new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(key);
export const check = (t: string) => jwtVerify(t, key, { algorithms: ['HS256'] });
