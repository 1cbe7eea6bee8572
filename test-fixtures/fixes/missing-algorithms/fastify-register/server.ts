// @fastify/jwt registration: the allowlist goes into the `verify` options written there,
// with the algorithm the issuer (issuer.js) signs this secret with.
import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';

const app = Fastify();

app.register(fastifyJwt, { // expect: missing-algorithms
  secret: process.env.MA_FASTIFY_SECRET!,
  verify: { maxAge: '15m' },
});

export default app;
