const jwt = require('jsonwebtoken');

exports.issue = (user) =>
  jwt.sign({ sub: user.id }, process.env.MA_FASTIFY_SECRET, { algorithm: 'HS512', expiresIn: '15m' });
