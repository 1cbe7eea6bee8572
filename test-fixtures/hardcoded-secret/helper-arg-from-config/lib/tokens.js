const jwt = require('jsonwebtoken');

exports.issue = (payload, key, lifetime) => jwt.sign(payload, key, { expiresIn: lifetime });
