// No options argument: one is added after the value.
import { setCookie } from 'hono/cookie';
import type { Context } from 'hono';

export function login(c: Context, token: string) {
  setCookie(c, 'auth_token', token); // expect: insecure-token-cookie
  return c.text('ok');
}
