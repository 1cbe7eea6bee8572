// Route plugins receive the app and requests as typed parameters: the type names the
// framework, and the decorators still belong to @fastify/jwt.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export default async function routes(app: FastifyInstance) {
  app.post('/login', async (request: FastifyRequest<{ Body: { id: string } }>) => {
    return { token: app.jwt.sign({ sub: request.body.id }, { expiresIn: '90d' }) }; // expect: long-lived-token
  });
  app.get('/me', async (request: FastifyRequest, reply: FastifyReply) => {
    await request.jwtVerify({ ignoreExpiration: true }); // expect: ignore-expiration
    return reply.send(request.user);
  });
}
