const jwt = require('jsonwebtoken');
exports.sign = (u) => jwt.sign({ sub: u.id }, process.env.JWT_SECRET); // expect: missing-expiration
exports.verify = (t) => jwt.verify(t, process.env.JWT_SECRET); // expect: missing-algorithms
exports.decode = (t) => jwt.decode(t);
