import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
const app = Fastify();
app.register(fastifyJwt, { secret: process.env.JWT_SECRET as string, verify: { algorithms: ['HS256'] }, sign: { expiresIn: '15m' } });
export const decode = (t: string) => app.jwt.decode(t);
