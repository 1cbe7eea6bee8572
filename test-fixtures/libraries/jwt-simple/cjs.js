const jwt = require('jwt-simple');
exports.encode = (u) => jwt.encode({ sub: u.id }, process.env.S); // expect: missing-expiration
exports.decode = (t) => jwt.decode(t, process.env.S); // expect: missing-algorithms
