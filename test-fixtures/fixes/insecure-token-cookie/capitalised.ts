// Hono types sameSite as 'Strict' | 'Lax' | 'None': 'None' becomes 'Lax', keeping the case.
import { setCookie } from 'hono/cookie';
import type { Context } from 'hono';

export function remember(c: Context, token: string) {
  setCookie(c, 'token', token, { httpOnly: true, secure: true, sameSite: 'None' }); // expect: insecure-token-cookie
}
