import { Hono } from 'hono';
import { jwt, sign, verify, decode } from 'hono/jwt';
const app = new Hono();
app.use('/api/*', jwt({ secret: 'hono-middleware-secret' })); // expect: hardcoded-secret, weak-secret
export const s = (sub: string) => sign({ sub }, process.env.S as string); // expect: missing-expiration
export const v = (t: string) => verify(t, process.env.S as string);
export const d = (t: string) => decode(t);
