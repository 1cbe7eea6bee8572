// Near miss: the key signs with two algorithms; no fix.
const jwt = require('jsonwebtoken');

exports.a = (u) => jwt.sign({ sub: u.id }, process.env.MA_TWO_SECRET, { algorithm: 'HS256', expiresIn: '5m' });
exports.b = (u) => jwt.sign({ sub: u.id }, process.env.MA_TWO_SECRET, { algorithm: 'HS512', expiresIn: '5m' });
exports.check = (token) => jwt.verify(token, process.env.MA_TWO_SECRET, {}); // expect: missing-algorithms
