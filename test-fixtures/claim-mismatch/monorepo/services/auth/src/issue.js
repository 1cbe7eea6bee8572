const jwt = require('jsonwebtoken');

exports.issue = (sub) => jwt.sign({ sub }, process.env.JWT_SECRET, { audience: 'shop-api', issuer: 'shop-auth', expiresIn: '15m' });
