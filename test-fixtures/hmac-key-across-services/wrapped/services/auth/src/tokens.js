const jwt = require('jsonwebtoken');

// The issuer keeps its HMAC secret base64-encoded in the environment.
const secret = Buffer.from(process.env.JWT_SECRET, 'base64');
exports.issue = (sub) => jwt.sign({ sub }, secret, { algorithm: 'HS256', expiresIn: '15m' });

// Its own secret for files, newlines restored.
exports.issueFile = (id) =>
  jwt.sign({ id }, process.env.FILES_SECRET.replace(/\\n/g, '\n'), { algorithm: 'HS256', expiresIn: '5m' });
