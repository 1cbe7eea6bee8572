import { SignJWT } from 'jose';
import dayjs from 'dayjs';

const key = new TextEncoder().encode(process.env.SESSION_SECRET);

// An expiry computed from the clock, given to jose as a timestamp.
export const month = (sub: string) =>
  new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(Math.floor(Date.now() / 1000) + 30 * 24 * 3600).sign(key); // expect: long-lived-token
export const week = (sub: string) =>
  new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(dayjs().add(7, 'day').unix()).sign(key); // expect: long-lived-token

// Near-miss: ten minutes.
export const short = (sub: string) =>
  new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(Math.floor(Date.now() / 1000) + 600).sign(key);
