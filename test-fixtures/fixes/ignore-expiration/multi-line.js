// The property goes with its comma; a comment after it stays (on its own line).
const jwt = require('jsonwebtoken');

exports.check = (token) =>
  jwt.verify(token, process.env.IE_MULTI_SECRET, {
    algorithms: ['HS256'],
    ignoreExpiration: true, // expect: ignore-expiration
    audience: 'api',
  });
