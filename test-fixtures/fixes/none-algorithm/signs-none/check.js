const jwt = require('jsonwebtoken');

exports.check = (token) => jwt.verify(token, process.env.NA_SIGNS_SECRET, { algorithms: ['HS256', 'none'] }); // expect: none-algorithm
