const jwt = require('jsonwebtoken');
const { sign } = require('jsonwebtoken');
const { expressjwt: expressJwt } = require('express-jwt');
const passportJwt = require('passport-jwt');

const JWT_SECRET = 'f8d9a7b6c5e4d3c2b1a0-production-key';
const config = {
  jwt: {
    secret: 'keyboard cat but longer than thirty-two bytes',
    expiresIn: '1h',
  },
};

function login(user) {
  return jwt.sign({ id: user.id }, JWT_SECRET, { expiresIn: '15m' }); // expect: hardcoded-secret
}

function loginWithConfig(user) {
  return sign({ id: user.id }, config.jwt.secret, { expiresIn: config.jwt.expiresIn }); // expect: hardcoded-secret
}

function verify(token) {
  return jwt.verify(token, process.env.JWT_SECRET || 'dev-secret-change-me', { algorithms: ['HS256'] }); // expect: hardcoded-secret, weak-secret
}

const requireAuth = expressJwt({
  secret: `static-template-secret-value-0001`, // expect: hardcoded-secret
  algorithms: ['HS256'],
});

const strategy = new passportJwt.Strategy(
  {
    jwtFromRequest: passportJwt.ExtractJwt.fromAuthHeaderAsBearerToken(),
    secretOrKey: Buffer.from('another-hardcoded-secret-in-a-buffer', 'utf8'), // expect: hardcoded-secret
    algorithms: ['HS256'],
  },
  (payload, done) => done(null, payload),
);

module.exports = { login, loginWithConfig, verify, requireAuth, strategy };
