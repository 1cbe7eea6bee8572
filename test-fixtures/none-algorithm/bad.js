const jwt = require('jsonwebtoken');
const jwtSimple = require('jwt-simple');
const { expressjwt } = require('express-jwt');

exports.unsigned = (u) => jwt.sign({ id: u.id }, null, { algorithm: 'none', expiresIn: '1h' }); // expect: none-algorithm
exports.check = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256', 'NONE'] }); // expect: none-algorithm
exports.peek = (t) => jwtSimple.decode(t, process.env.JWT_SECRET, true); // expect: none-algorithm
exports.mw = expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['none'] }); // expect: none-algorithm
