const jwt = require('jsonwebtoken');
const { expressjwt } = require('express-jwt');

const config = { jwt: { issuer: 'api' } };

exports.a = (t) => jwt.verify(t, process.env.JWT_SECRET || '', { algorithms: ['HS256'] }); // expect: falsy-verify-key
exports.b = (t) => jwt.verify(t, config.jwt.secret, { algorithms: ['HS256'] }); // expect: falsy-verify-key
exports.mw = expressjwt({ secret: '', algorithms: ['HS256'] }); // expect: falsy-verify-key
