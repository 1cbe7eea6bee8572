// Koa's cookie jar on the context, without options: still reported.
const jwt = require('jsonwebtoken');

module.exports = async function login(ctx) {
  const token = jwt.sign({ sub: ctx.state.user.id }, process.env.JWT_SECRET, { expiresIn: '15m' });
  ctx.cookies.set('token', token, { httpOnly: false }); // expect: insecure-token-cookie
};
