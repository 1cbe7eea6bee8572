const jwt = require('jsonwebtoken');
const { env } = require('./env');

// The same unknown value, read from a validated env module in CommonJS.
exports.pair = (sub) => ({
  access: jwt.sign({ sub }, env.JWT_SECRET, { expiresIn: '15m' }),
  refreshToken: jwt.sign({ sub }, env.JWT_SECRET, { expiresIn: '7d' }), // expect: shared-secret
});
