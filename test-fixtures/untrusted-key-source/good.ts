import { jwtVerify, createRemoteJWKSet } from 'jose';

const JWKS = createRemoteJWKSet(new URL(process.env.JWKS_URL as string));
export const a = (t: string) => jwtVerify(t, JWKS, { algorithms: ['RS256'] });
// Reading the header's alg for logging is not using it as a key.
export const b = (t: string) =>
  jwtVerify(t, async (header) => { console.log(header.alg); return JWKS(header); }, { algorithms: ['RS256'] });
