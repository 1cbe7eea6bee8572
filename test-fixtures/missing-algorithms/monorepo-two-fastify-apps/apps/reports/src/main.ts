import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { routes } from './routes';

const app = Fastify();

// No verification is visible in this app (its routes verify through a hook this scan does not
// see), so the registration itself is blamed.
app.register(fastifyJwt, { secret: process.env.REPORTS_JWT_SECRET!, sign: { expiresIn: '15m' } }); // expect: missing-algorithms
app.register(routes);

export default app;
