const fs = require('fs');
const jwt = require('jsonwebtoken');
const { expressjwt } = require('express-jwt');

const publicKey = fs.readFileSync('./keys/public.pem');

exports.check = (t) => jwt.verify(t, publicKey, { algorithms: ['RS256', 'HS256'] }); // expect: algorithm-confusion
exports.hmacWithPublic = (t) => jwt.verify(t, publicKey, { algorithms: ['HS256'] }); // expect: algorithm-confusion
exports.mw = expressjwt({ secret: process.env.JWT_KEY, algorithms: ['HS512', 'ES256'] }); // expect: algorithm-confusion
// A public key file whose path is joined from `__dirname`.
const path = require('path');
exports.joined = (t) => jwt.verify(t, fs.readFileSync(path.resolve(__dirname, '../keys/public.pem')), { algorithms: ['HS256'] }); // expect: algorithm-confusion
