import { jwtVerify, createRemoteJWKSet } from 'jose';
import { readFileSync } from 'fs';

const JWKS = createRemoteJWKSet(new URL('https://auth.example.com/.well-known/jwks.json'));
// A fixed file, not a kid-built path.
const fallback = readFileSync('./keys/public.pem', 'utf8');
export const a = (t: string) => jwtVerify(t, JWKS, { algorithms: ['RS256'] });
export const key = () => fallback;
