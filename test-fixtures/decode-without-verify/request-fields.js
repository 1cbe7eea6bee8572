const { decode } = require('jsonwebtoken');

exports.express = (req, res, next) => {
  const { sub } = decode(req.cookies.session); // expect: decode-without-verify
  req.accountId = sub;
  next();
};

exports.locals = (req, res, next) => {
  const claims = decode(req.cookies.session); // expect: decode-without-verify
  res.locals.viewer = claims;
  next();
};

exports.koa = async (ctx, next) => {
  const claims = decode(ctx.cookies.get('session')); // expect: decode-without-verify
  ctx.state.account = claims;
  await next();
};

// Near-miss: the claims go back in the response body, they decide nothing.
exports.echo = async (ctx) => {
  const claims = decode(ctx.cookies.get('session'));
  ctx.body = { claims };
};
