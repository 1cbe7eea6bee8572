const jwt = require('jsonwebtoken');

exports.issue = (sub) =>
  jwt.sign({ sub }, process.env.JWT_PRIVATE_KEY, { algorithm: 'RS256', audience: 'acme-api', issuer: 'acme-auth', expiresIn: '15m' });
