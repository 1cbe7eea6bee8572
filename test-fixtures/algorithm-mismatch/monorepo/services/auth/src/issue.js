const jwt = require('jsonwebtoken');

exports.issue = (sub) => jwt.sign({ sub }, process.env.JWT_SECRET, { algorithm: 'HS384', expiresIn: '15m' });
