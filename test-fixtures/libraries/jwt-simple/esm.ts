import { encode, decode } from 'jwt-simple';
export const e = (sub: string) => encode({ sub, exp: Math.floor(Date.now() / 1000) + 600 }, process.env.S as string, 'HS256');
export const d = (t: string) => decode(t, process.env.S as string, false, 'HS256');
