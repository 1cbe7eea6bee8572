const jwt = require('jwt-simple');
exports.encode = (u) => jwt.encode({ sub: u.id }, process.env.S); // expect: missing-expiration
exports.decode = (t) => jwt.decode(t, process.env.JWT_PUBLIC_KEY); // expect: missing-algorithms
// An HMAC secret: the header can only pick another HMAC algorithm.
exports.decodeHmac = (t) => jwt.decode(t, process.env.S);
