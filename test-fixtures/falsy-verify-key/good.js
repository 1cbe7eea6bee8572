const jwt = require('jsonwebtoken');

exports.a = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'] });
exports.b = (t, key) => jwt.verify(t, key, { algorithms: ['HS256'] });
// Signing with an empty key is a different mistake; this rule is about verification.
const empty = '';
exports.len = empty.length;
