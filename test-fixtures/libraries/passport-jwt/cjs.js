const passportJwt = require('passport-jwt');
module.exports = new passportJwt.Strategy( // expect: missing-algorithms
  { jwtFromRequest: passportJwt.ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.S },
  (p, done) => done(null, p),
);
