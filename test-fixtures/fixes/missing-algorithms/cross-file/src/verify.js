const jwt = require('jsonwebtoken');

exports.check = (token) => jwt.verify(token, process.env.MA_CROSS_SECRET); // expect: missing-algorithms
