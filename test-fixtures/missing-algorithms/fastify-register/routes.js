module.exports = async function routes(fastify) {
  fastify.get('/me', async (request) => {
    await request.jwtVerify(); // expect: missing-algorithms
    return request.user;
  });
  fastify.get('/strict', async (request) => {
    await request.jwtVerify({ algorithms: ['HS256'] });
    return request.user;
  });
};
