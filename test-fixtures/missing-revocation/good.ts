import koaJwt from 'koa-jwt';

export const mw = koaJwt({
  secret: process.env.JWT_SECRET as string,
  algorithms: ['HS256'],
  isRevoked: async (_ctx, token) => Boolean((token as { revoked?: boolean }).revoked),
});
