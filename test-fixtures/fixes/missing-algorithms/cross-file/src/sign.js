// The sign is in one file, the verification in another: the fix uses this file's algorithm.
const jwt = require('jsonwebtoken');

exports.issue = (u) =>
  jwt.sign({ sub: u.id }, process.env.MA_CROSS_SECRET, { algorithm: 'HS384', expiresIn: '5m' });
