// Libraries whose verify has no audience or issuer option: no code could satisfy the
// rule, so it does not ask (hono/jwt, njwt, jwt-simple).
const { verify } = require('hono/jwt');
const nJwt = require('njwt');
const simple = require('jwt-simple');

exports.hono = (t) => verify(t, process.env.JWT_SECRET, 'HS256');
exports.njwt = (t) => nJwt.verify(t, process.env.JWT_SECRET, 'HS256');
exports.simple = (t) => simple.decode(t, process.env.JWT_SECRET, false, 'HS256');
