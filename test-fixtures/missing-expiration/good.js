const jwt = require('jsonwebtoken');

function createToken(user) {
  return jwt.sign({ id: user.id }, process.env.JWT_SECRET, { expiresIn: '15m' });
}

// exp in the payload.
function createWithExp(user) {
  return jwt.sign(
    { id: user.id, exp: Math.floor(Date.now() / 1000) + 60 * 60 },
    process.env.JWT_SECRET,
  );
}

// A payload built elsewhere may carry exp.
function createFrom(payload) {
  return jwt.sign(payload, process.env.JWT_SECRET);
}

// Options from a parameter may carry expiresIn.
function createWith(user, options) {
  return jwt.sign({ id: user.id }, process.env.JWT_SECRET, options);
}

// Options resolved through a constant.
const OPTIONS = { expiresIn: 3600, algorithm: 'HS256' };
function createConst(user) {
  return jwt.sign({ id: user.id }, process.env.JWT_SECRET, OPTIONS);
}

module.exports = { createToken, createWithExp, createFrom, createWith, createConst };

// The application checks its own expiry claim (outline-style `expiresAt`, `createdAt` age).
function sessionToken(user, expiresAt) {
  return jwt.sign({ id: user.id, expiresAt: expiresAt.toISOString(), type: 'session' }, process.env.JWT_SECRET);
}
function emailSigninToken(user) {
  return jwt.sign({ id: user.id, createdAt: new Date().toISOString(), type: 'email-signin' }, process.env.JWT_SECRET);
}
module.exports.sessionToken = sessionToken;
module.exports.emailSigninToken = emailSigninToken;

// Options filled in after creation may carry expiresIn.
function surveyLinkToken(payload, days) {
  const tokenOptions = {};
  if (days > 0) {
    tokenOptions.expiresIn = `${days}d`;
  }
  return jwt.sign(payload, process.env.ENCRYPTION_KEY, tokenOptions);
}
module.exports.surveyLinkToken = surveyLinkToken;
