const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');

// From the environment, no fallback.
function issue(user) {
  return jwt.sign({ id: user.id }, process.env.JWT_SECRET, { expiresIn: '15m' });
}

// A private key read from a file.
const privateKey = fs.readFileSync(path.join(__dirname, 'keys', 'private.pem'));
function issueRs(user) {
  return jwt.sign({ id: user.id }, privateKey, { algorithm: 'RS256', expiresIn: '15m' });
}

// A public key in the source is meant to be public.
const PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
-----END PUBLIC KEY-----`;
function check(token) {
  return jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] });
}

// A secret handed in by the caller.
function issueWith(user, secret) {
  return jwt.sign({ id: user.id }, secret, { expiresIn: '15m' });
}

// A let that is reassigned before use is not a constant.
let secret = 'placeholder';
secret = process.env.JWT_SECRET;
function issueLet(user) {
  return jwt.sign({ id: user.id }, secret, { expiresIn: '15m' });
}

// A string that looks like a secret but is not a key.
const message = 'secret';
console.log(message);

module.exports = { issue, issueRs, check, issueWith, issueLet };
