// 'none' is dropped from the allowlist.
const jwt = require('jsonwebtoken');

exports.check = (token) => jwt.verify(token, process.env.NA_LIST_SECRET, { algorithms: ['HS256', 'none'] }); // expect: none-algorithm
