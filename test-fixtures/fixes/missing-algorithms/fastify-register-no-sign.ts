// Near miss: the registration's own `sign.algorithm` is not a sign call of the key (tokens
// signed through `app.jwt.sign` inherit it unseen); no fix.
import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';

const app = Fastify();

app.register(fastifyJwt, { // expect: missing-algorithms
  secret: process.env.MA_FASTIFY_NOSIGN_SECRET!,
  sign: { algorithm: 'HS512', expiresIn: '15m' },
  verify: { maxAge: '15m' },
});

export default app;
