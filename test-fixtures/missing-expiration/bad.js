const jwt = require('jsonwebtoken');
const { sign: signToken } = require('jsonwebtoken');

function createToken(user) {
  return jwt.sign({ id: user._id, role: user.role }, process.env.JWT_SECRET); // expect: missing-expiration
}

function createTokenCallback(user, res) {
  jwt.sign({ id: user._id }, process.env.JWT_SECRET, (err, token) => { // expect: missing-expiration
    res.json({ token });
  });
}

const signOptions = { algorithm: 'HS256', issuer: 'api' };
function createWithOptions(user) {
  return signToken({ sub: user.id }, process.env.JWT_SECRET, signOptions); // expect: missing-expiration
}

function createForEmail(email) {
  return require('jsonwebtoken').sign({ email }, process.env.EMAIL_SECRET); // expect: missing-expiration
}

module.exports = { createToken, createTokenCallback, createWithOptions, createForEmail };
