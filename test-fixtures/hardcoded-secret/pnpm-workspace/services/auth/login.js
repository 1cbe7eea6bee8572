const jwt = require('jsonwebtoken');
const { tokenSecret } = require('@acme/secrets');

exports.login = (user) =>
  jwt.sign({ sub: user.id }, tokenSecret, { algorithm: 'HS256', expiresIn: '15m' }); // expect: hardcoded-secret
