const fastify = require('fastify')();

// No `verify.algorithms` here; the users app's allowlist does not reach this app.
fastify.register(require('@fastify/jwt'), { secret: process.env.BILLING_JWT_SECRET });

fastify.get('/invoices', async (request) => {
  await request.jwtVerify(); // expect: missing-algorithms
  return [];
});

fastify.get('/strict', async (request) => {
  await request.jwtVerify({ algorithms: ['HS256'] });
  return [];
});

fastify.listen({ port: 3001 });
