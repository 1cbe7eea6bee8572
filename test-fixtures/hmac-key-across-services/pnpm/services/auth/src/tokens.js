const jwt = require('jsonwebtoken');

exports.issueSession = (sub) => jwt.sign({ sub }, process.env.SESSION_SECRET, { algorithm: 'HS256', expiresIn: '15m' });
exports.issueAccess = (sub) => jwt.sign({ sub }, process.env.JWT_PRIVATE_KEY, { algorithm: 'RS256', expiresIn: '15m' });
// A private key signing with no algorithm written is still not an HMAC secret.
exports.issueService = (sub) => jwt.sign({ sub }, process.env.SERVICE_PRIVATE_KEY, { expiresIn: '15m' });
