const jwt = require('jsonwebtoken');
const { createVerifier } = require('fast-jwt');

exports.a = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'], audience: 'api' });
exports.b = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'], issuer: 'auth' });
exports.v = createVerifier({ key: process.env.JWT_SECRET, algorithms: ['HS256'], allowedIss: 'auth' });
exports.c = (t, opts) => jwt.verify(t, process.env.JWT_SECRET, opts);
