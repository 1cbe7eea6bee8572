const jwt = require('jsonwebtoken');

exports.issue = (sub) => jwt.sign({ sub }, process.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: '15m' });
// The issuer checking its own tokens with its own secret is fine.
exports.introspect = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'] });
