// Near miss: the options object is a variable (it may be shared); no fix.
const jwt = require('jsonwebtoken');

const options = { audience: 'api' };

exports.sign = (u) => jwt.sign({ sub: u.id }, process.env.MA_VAR_SECRET, { expiresIn: '5m' });
exports.check = (token) => jwt.verify(token, process.env.MA_VAR_SECRET, options); // expect: missing-algorithms
