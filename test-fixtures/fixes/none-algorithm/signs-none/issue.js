// Near miss: the project signs tokens with 'none'; dropping it would reject them, no fix.
const jwt = require('jsonwebtoken');

exports.issue = (u) => jwt.sign({ sub: u.id }, '', { algorithm: 'none', expiresIn: '5m' }); // expect: none-algorithm
