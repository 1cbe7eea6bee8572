import { SignJWT, jwtVerify, decodeJwt } from 'jose';
const key = new TextEncoder().encode(process.env.JWT_SECRET);
export const s = (sub: string) => new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).sign(key); // expect: missing-expiration
export const v = (t: string) => jwtVerify(t, key, { algorithms: ['HS256', 'RS256'] }); // expect: algorithm-confusion
export const d = (t: string) => decodeJwt(t);
