import { SignJWT, jwtVerify } from 'jose';

const key = new TextEncoder().encode(process.env.JOBS_SECRET);

export const issue = (sub: string) =>
  new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('5m').sign(key);
// The issuer checking its own tokens.
export const check = (t: string) => jwtVerify(t, key, { algorithms: ['HS256'] });
