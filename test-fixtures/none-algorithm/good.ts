import { SignJWT } from 'jose';

const logLevel: string = 'none';
export const level = () => logLevel;
const key = new TextEncoder().encode(process.env.JWT_SECRET);
export const make = (sub: string) =>
  new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(key);
