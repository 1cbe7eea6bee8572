import { jwtVerify } from 'jose';
import { verify } from 'hono/jwt';

const empty = new TextEncoder().encode('');
export const check = (t: string) => jwtVerify(t, empty, { algorithms: ['HS256'] }); // expect: falsy-verify-key
export const checkNull = (t: string) => verify(t, null as unknown as string); // expect: falsy-verify-key
export const checkUndefined = (t: string) => verify(t, undefined as unknown as string); // expect: falsy-verify-key
