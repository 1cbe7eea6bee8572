// Near miss: 'none' is the only algorithm (which one to put instead is not known); no fix.
const jwt = require('jsonwebtoken');

exports.check = (token) => jwt.verify(token, process.env.NA_ONLY_SECRET, { algorithms: ['none'] }); // expect: none-algorithm
