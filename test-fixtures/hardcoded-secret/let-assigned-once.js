const jwt = require('jsonwebtoken');

// A `let` given its value once, before the use, in the same block.
let secret;
secret = 'k7Qe2vXn9LmP4sTz8WbY1cRf6HdJ3gAu';
exports.issue = (id) => jwt.sign({ sub: id }, secret, { expiresIn: '15m' }); // expect: hardcoded-secret

// Near-miss: assigned in a branch, so not one value.
let other;
if (process.env.NODE_ENV === 'test') {
  other = 'k7Qe2vXn9LmP4sTz8WbY1cRf6HdJ3gAu';
} else {
  other = process.env.JWT_SECRET;
}
exports.issueOther = (id) => jwt.sign({ sub: id }, other, { expiresIn: '15m' });

// Near-miss: assigned twice.
let twice;
twice = 'k7Qe2vXn9LmP4sTz8WbY1cRf6HdJ3gAu';
twice = process.env.JWT_SECRET;
exports.issueTwice = (id) => jwt.sign({ sub: id }, twice, { expiresIn: '15m' });
