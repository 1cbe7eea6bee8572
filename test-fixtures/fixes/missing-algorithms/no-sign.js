// Near miss: no sign call uses this key, so the algorithm is not certain; no fix.
const jwt = require('jsonwebtoken');

exports.check = (token) => jwt.verify(token, process.env.MA_NOSIGN_SECRET); // expect: missing-algorithms
