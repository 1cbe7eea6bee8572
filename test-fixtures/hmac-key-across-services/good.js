const jwt = require('jsonwebtoken');

// One service signs and verifies with its own HMAC secret: nothing to share.
exports.issue = (sub) => jwt.sign({ sub }, process.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: '15m' });
exports.check = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'] });
