import type { Context } from 'koa';

// koa's cookies are httpOnly unless told otherwise.
export function login(ctx: Context, token: string) {
  ctx.cookies.set('access_token', token, { secure: true, sameSite: 'strict' });
  document.cookie = 'theme=dark';
}
