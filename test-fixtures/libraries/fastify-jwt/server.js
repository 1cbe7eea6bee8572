const fastify = require('fastify')();
fastify.register(require('@fastify/jwt'), { secret: 'supersecret', sign: { expiresIn: '7d' } }); // expect: hardcoded-secret, weak-secret, long-lived-token
fastify.post('/login', async (request, reply) => {
  const token = fastify.jwt.sign({ sub: request.body.user });
  return { token };
});
fastify.get('/me', async (request) => {
  await request.jwtVerify();
  return request.user;
});
