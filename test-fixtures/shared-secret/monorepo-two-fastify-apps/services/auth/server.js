const fastify = require('fastify')();

// One registration: every token this service signs gets its secret.
fastify.register(require('@fastify/jwt'), {
  secret: process.env.JWT_SECRET,
  verify: { algorithms: ['HS256'] },
});

fastify.post('/login', async (request, reply) => {
  const accessToken = fastify.jwt.sign({ sub: request.body.id }, { expiresIn: '15m' });
  const refreshToken = fastify.jwt.sign({ sub: request.body.id }, { expiresIn: '7d' }); // expect: shared-secret
  return { accessToken, refreshToken };
});

module.exports = fastify;
