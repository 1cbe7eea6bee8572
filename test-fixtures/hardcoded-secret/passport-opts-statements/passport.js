const passport = require('passport');
const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');

// passport-jwt's README pattern: the options object is built by statements.
const opts = {};
opts.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
opts.secretOrKey = 'fixed-for-now';
passport.use(new JwtStrategy(opts, (payload, done) => done(null, payload))); // expect: missing-algorithms, hardcoded-secret, weak-secret

// Near-miss: the allowlist is written the same way.
const strict = {};
strict.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
strict.secretOrKey = process.env.JWT_SECRET;
strict.algorithms = ['HS256'];
passport.use('strict', new JwtStrategy(strict, (payload, done) => done(null, payload)));

// Near-miss: a branch may add the allowlist, so it is not provably missing.
const maybe = {};
maybe.secretOrKey = process.env.JWT_SECRET;
if (process.env.STRICT) {
  maybe.algorithms = ['RS256'];
}
passport.use('maybe', new JwtStrategy(maybe, (payload, done) => done(null, payload)));
