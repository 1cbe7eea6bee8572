const jwt = require('jsonwebtoken');

// The allowlist holds the issuer's algorithm.
exports.issue = (sub) => jwt.sign({ sub }, process.env.SESSION_SECRET, { algorithm: 'HS512', expiresIn: '15m' });
exports.check = (t) => jwt.verify(t, process.env.SESSION_SECRET, { algorithms: ['HS512'] });
// The issuer's algorithm is the library default: not written, not compared.
exports.issueDefault = (sub) => jwt.sign({ sub }, process.env.OTHER_SECRET, { expiresIn: '15m' });
exports.checkDefault = (t) => jwt.verify(t, process.env.OTHER_SECRET, { algorithms: ['HS256'] });
