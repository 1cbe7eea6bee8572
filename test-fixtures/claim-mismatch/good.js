const jwt = require('jsonwebtoken');

// Issuer and verifier agree.
exports.issue = (sub) => jwt.sign({ sub }, process.env.ORDERS_SECRET, { audience: 'orders-api', issuer: 'auth', expiresIn: '15m' });
exports.check = (t) => jwt.verify(t, process.env.ORDERS_SECRET, { algorithms: ['HS256'], audience: 'orders-api', issuer: 'auth' });
// A list that holds the issuer's value, and a value jwtlint cannot resolve: left alone.
exports.checkList = (t) => jwt.verify(t, process.env.ORDERS_SECRET, { algorithms: ['HS256'], audience: ['orders-api', 'admin'], issuer: 'auth' });
exports.checkDynamic = (t, aud) => jwt.verify(t, process.env.ORDERS_SECRET, { algorithms: ['HS256'], audience: aud, issuer: 'auth' });
