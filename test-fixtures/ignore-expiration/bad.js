const jwt = require('jsonwebtoken');
const { Strategy, ExtractJwt } = require('passport-jwt');
const { createVerifier } = require('fast-jwt');

exports.check = (t) =>
  jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'], ignoreExpiration: true }); // expect: ignore-expiration

exports.strategy = new Strategy(
  {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    secretOrKey: process.env.JWT_SECRET,
    algorithms: ['HS256'],
    ignoreExpiration: true, // expect: ignore-expiration
  },
  (p, done) => done(null, p),
);

// fast-jwt counts milliseconds: ten minutes.
exports.verify = createVerifier({ key: process.env.JWT_SECRET, algorithms: ['HS256'], clockTolerance: 600000 }); // expect: ignore-expiration
