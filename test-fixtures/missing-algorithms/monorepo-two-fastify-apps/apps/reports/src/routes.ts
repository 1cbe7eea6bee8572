import type { FastifyInstance } from 'fastify';

export async function routes(app: FastifyInstance) {
  app.get('/reports', { onRequest: [app.authenticate] }, async () => []);
}
