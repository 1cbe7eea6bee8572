const { expressjwt } = require('express-jwt');
const jwt = require('jsonwebtoken');
const config = require('./config/auth');

// Each call that consumes the secret is a finding of its own, at its own argument.
exports.requireAuth = expressjwt(config.jwt); // expect: hardcoded-secret
exports.check = (t) => jwt.verify(t, config.jwt.secret, { algorithms: ['HS256'] }); // expect: hardcoded-secret
exports.issue = (id) => jwt.sign({ sub: id }, config.jwt.secret, { expiresIn: '15m' }); // expect: hardcoded-secret
