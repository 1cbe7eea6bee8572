import { readFileSync } from 'fs';
import { createPublicKey } from 'crypto';
import { jwtVerify } from 'jose';

// The public half of keys/private.pem, which signs RS256.
const publicKey = createPublicKey(readFileSync('keys/public.pem'));

export const checkSession = (t: string) => jwtVerify(t, publicKey, { algorithms: ['ES256'] }); // expect: algorithm-mismatch
export const checkSessionEd = (t: string) => jwtVerify(t, publicKey, { algorithms: ['RS256', 'EdDSA'] }); // expect: algorithm-mismatch
export const checkSessionOk = (t: string) => jwtVerify(t, publicKey, { algorithms: ['RS256'] });
// Not the pair of the HMAC secret above.
export const checkLegacy = (t: string) =>
  jwtVerify(t, createPublicKey(process.env.LEGACY_PUBLIC_KEY as string), { algorithms: ['RS256'] });
