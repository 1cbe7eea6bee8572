const fastify = require('fastify')();

// Another service: its registration's secret is its own deployment's, whatever the variable
// is called, so its refresh token is not compared with the auth service's access token.
fastify.register(require('@fastify/jwt'), {
  secret: process.env.JWT_SECRET,
  verify: { algorithms: ['HS256'] },
});

fastify.post('/session', async (request) => {
  const refreshToken = fastify.jwt.sign({ sub: request.body.id }, { expiresIn: '30d' });
  return { refreshToken };
});

module.exports = fastify;
