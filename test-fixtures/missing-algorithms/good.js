const jwt = require('jsonwebtoken');
const { expressjwt } = require('express-jwt');
const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');

// Allowlist given directly.
function check(token) {
  return jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });
}

// Allowlist through a resolved variable and a spread.
const ALGORITHMS = ['RS256'];
const base = { algorithms: ALGORITHMS };
function checkSpread(token) {
  return jwt.verify(token, process.env.JWT_PUBLIC_KEY, { ...base, audience: 'api' });
}

// Options that cannot be resolved: may hold an allowlist.
function checkWith(token, options) {
  return jwt.verify(token, process.env.JWT_SECRET, options);
}
function checkWithCall(token) {
  return jwt.verify(token, process.env.JWT_SECRET, loadVerifyOptions());
}

// A local function that happens to be called verify.
function verify(token) {
  return token.length > 0;
}
verify('abc');

// Shadowing: this `jwt` is a parameter, not the library.
function withClient(jwt, token) {
  return jwt.verify(token);
}

const app = require('express')();
app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));

module.exports = new JwtStrategy(
  {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    secretOrKey: process.env.JWT_SECRET,
    algorithms: ['HS256'],
  },
  (payload, done) => done(null, payload),
);

// Decoding is not verifying; no allowlist applies.
const claims = jwt.decode(process.argv[2]);
module.exports.withClient = withClient;
module.exports.checkSpread = checkSpread;
module.exports.check = check;
module.exports.checkWith = checkWith;
module.exports.checkWithCall = checkWithCall;
module.exports.claims = claims;
