const passport = require('passport');
const { Strategy, ExtractJwt } = require('passport-jwt');

// The issuer's HS384 is allowed: no mismatch (the shared HMAC secret is another rule's).
passport.use(new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET, algorithms: ['HS384', 'HS512'] }, (payload, done) => done(null, payload))); // expect: hmac-key-across-services
