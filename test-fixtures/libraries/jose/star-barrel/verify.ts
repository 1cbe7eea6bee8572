import { jwtVerify, issuer } from './lib/crypto';

const key = new TextEncoder().encode(process.env.SESSION_SECRET);

export const check = (t: string) => jwtVerify(t, key, { issuer }); // expect: missing-algorithms
