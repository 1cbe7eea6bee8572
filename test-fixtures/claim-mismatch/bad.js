const jwt = require('jsonwebtoken');

exports.issue = (sub) => jwt.sign({ sub }, process.env.ORDERS_SECRET, { audience: 'orders-api', issuer: 'auth', expiresIn: '15m' });
// Expects another audience than the issuer sets: every token is rejected.
exports.check = (t) => jwt.verify(t, process.env.ORDERS_SECRET, { algorithms: ['HS256'], audience: 'billing-api', issuer: 'auth' }); // expect: claim-mismatch
