// A single-line options object.
const jwt = require('jsonwebtoken');

const sign = (u) => jwt.sign({ sub: u.id }, process.env.MA_SINGLE_SECRET, { expiresIn: '5m' });
const check = (t) => jwt.verify(t, process.env.MA_SINGLE_SECRET, { audience: 'api' }); // expect: missing-algorithms

module.exports = { sign, check };
