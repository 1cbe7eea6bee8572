import { jwtVerify } from 'jose';

// A secret string that is no JWT key at all.
const label: string = 'changeme';
export const show = () => label;

export const check = (t: string) =>
  jwtVerify(t, new TextEncoder().encode(process.env.SESSION_SECRET), { algorithms: ['HS256'] });
