// CommonJS shapes: a module object, destructuring with a rename, inline require.
const jwt = require('jsonwebtoken');
const { verify: verifyToken } = require('jsonwebtoken');
const { expressjwt } = require('express-jwt');
const JwtStrategy = require('passport-jwt').Strategy;
const { ExtractJwt } = require('passport-jwt');

function authenticate(req, res, next) {
  const token = req.headers.authorization.split(' ')[1];
  jwt.verify(token, process.env.JWT_SECRET, (err, decoded) => { // expect: missing-algorithms
    if (err) return res.sendStatus(401);
    req.user = decoded;
    next();
  });
}

function check(token) {
  return verifyToken(token, process.env.JWT_SECRET); // expect: missing-algorithms
}

function checkInline(token) {
  return require('jsonwebtoken').verify(token, process.env.JWT_SECRET, { audience: 'api' }); // expect: missing-algorithms
}

const verifyOptions = { issuer: 'auth.example.com' };
function checkWithConstOptions(token) {
  return jwt.verify(token, process.env.JWT_SECRET, verifyOptions); // expect: missing-algorithms
}

const app = require('express')();
app.use('/api', expressjwt({ secret: process.env.JWT_SECRET })); // expect: missing-algorithms

const opts = {
  jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
  secretOrKey: process.env.JWT_SECRET,
};
module.exports = new JwtStrategy(opts, (payload, done) => done(null, payload)); // expect: missing-algorithms
