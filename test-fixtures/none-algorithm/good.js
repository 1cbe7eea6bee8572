const jwt = require('jsonwebtoken');
const jwtSimple = require('jwt-simple');

// 'none' somewhere else entirely.
const style = { display: 'none' };
exports.style = style;
exports.check = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'] });
exports.decode = (t) => jwtSimple.decode(t, process.env.JWT_SECRET, false, 'HS256');
