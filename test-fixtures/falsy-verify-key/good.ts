import { verify } from 'hono/jwt';

const secret = process.env.JWT_SECRET ?? (() => { throw new Error('JWT_SECRET'); })();
export const check = (t: string) => verify(t, secret);
