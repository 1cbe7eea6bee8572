// A cookie set in the middle of a chain is blamed at the method that sets it.
async function login(request, reply) {
  const token = await reply.jwtSign({ sub: request.body.id }, { expiresIn: '15m' });
  reply
    .code(200)
    .setCookie('token', token, { path: '/' }) // expect: insecure-token-cookie
    .send({ ok: true });
}

// Near-miss: the same chain with the flags.
async function loginSafe(request, reply) {
  const token = await reply.jwtSign({ sub: request.body.id }, { expiresIn: '15m' });
  reply
    .code(200)
    .setCookie('token', token, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' })
    .send({ ok: true });
}

module.exports = { login, loginSafe };
