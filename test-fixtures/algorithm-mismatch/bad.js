const jwt = require('jsonwebtoken');

exports.issue = (sub) => jwt.sign({ sub }, process.env.SESSION_SECRET, { algorithm: 'HS512', expiresIn: '15m' });
exports.check = (t) => jwt.verify(t, process.env.SESSION_SECRET, { algorithms: ['HS256'] }); // expect: algorithm-mismatch
