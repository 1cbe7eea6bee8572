const jwt = require('jsonwebtoken');
const { createVerifier } = require('fast-jwt');

exports.a = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'] }); // expect: missing-claim-checks
exports.v = createVerifier({ key: process.env.JWT_SECRET, algorithms: ['HS256'] }); // expect: missing-claim-checks
