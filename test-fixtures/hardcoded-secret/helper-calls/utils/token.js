const jwt = require('jsonwebtoken');

// A helper: the secret comes from the caller.
function createToken(payload, secret, expiresIn = '15m') {
  return jwt.sign(payload, secret, { expiresIn });
}

const verifyToken = (token, secret) => jwt.verify(token, secret, { algorithms: ['HS256'] });

module.exports = { createToken, verifyToken };
