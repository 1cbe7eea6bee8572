const fastify = require('fastify')();

// Nx layout: each folder under apps/ is an app, with its own registration.
fastify.register(require('@fastify/jwt'), {
  secret: process.env.USERS_JWT_SECRET,
  verify: { algorithms: ['HS256'] },
});

fastify.get('/me', async (request) => {
  await request.jwtVerify();
  return request.user;
});

fastify.listen({ port: 3000 });
