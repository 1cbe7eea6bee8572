// A multi-line options object with a trailing comma: one more line, indented as the others.
const jwt = require('jsonwebtoken');

const secret = process.env.MA_MULTI_SECRET;

exports.issue = (user) => jwt.sign({ sub: user.id }, secret, { algorithm: 'HS384', expiresIn: '1h' });

exports.check = (token) =>
  jwt.verify(token, secret, { // expect: missing-algorithms
    audience: 'api',
    issuer: 'auth',
  });
