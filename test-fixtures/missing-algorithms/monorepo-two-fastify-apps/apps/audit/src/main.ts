import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';

const app = Fastify();

// An allowlist at the registration: nothing to report, verification visible or not.
app.register(fastifyJwt, {
  secret: process.env.AUDIT_JWT_SECRET!,
  verify: { algorithms: ['HS256'] },
});

export default app;
