// Tokens for service-to-service calls are signed with a private key; the other services
// hold its public half (SERVICE_TOKEN_PUBLIC_KEY), so they can check but not mint them.
const jwt = require('jsonwebtoken');

exports.issueServiceAccessToken = (service) =>
  jwt.sign({ sub: service }, process.env.SERVICE_TOKEN_PRIVATE_KEY, { algorithm: 'ES256', expiresIn: '5m' });
