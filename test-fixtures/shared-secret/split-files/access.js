const jwt = require('jsonwebtoken');

exports.createAccessToken = (userId) =>
  jwt.sign({ userId }, process.env.TOKEN_SECRET, { expiresIn: '5m' });
