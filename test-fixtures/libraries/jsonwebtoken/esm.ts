import { sign, verify as check, decode } from 'jsonwebtoken';
export const s = (sub: string) => sign({ sub }, process.env.JWT_SECRET as string, { expiresIn: '15m', algorithm: 'none' }); // expect: none-algorithm
export const v = (t: string) => check(t, process.env.JWT_SECRET as string, { algorithms: ['HS256'], ignoreExpiration: true }); // expect: ignore-expiration
export const d = (t: string) => decode(t, { complete: true });
