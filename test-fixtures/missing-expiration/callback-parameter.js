// jsonwebtoken's callback form with the callback passed on as a parameter: the third
// argument is no options object, so nothing gives the token a lifetime.
const jwt = require('jsonwebtoken');

function issue(user, cb) {
  jwt.sign({ sub: user.id }, process.env.JWT_SECRET, cb); // expect: missing-expiration
}

function issueWithOptions(user, options) {
  // Options from the caller: they may hold a lifetime.
  jwt.sign({ sub: user.id }, process.env.JWT_SECRET, options);
}

function issueDone(user, done) {
  jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '15m' }, done);
}

module.exports = { issue, issueWithOptions, issueDone };
