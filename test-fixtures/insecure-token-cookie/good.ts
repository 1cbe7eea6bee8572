import type { Context } from 'koa';

// koa's cookies are httpOnly, and secure on HTTPS, unless told otherwise.
export function login(ctx: Context, token: string) {
  ctx.cookies.set('access_token', token, { secure: true, sameSite: 'strict' });
  ctx.cookies.set('refresh_token', token, { sameSite: 'lax' });
  document.cookie = 'theme=dark';
}
