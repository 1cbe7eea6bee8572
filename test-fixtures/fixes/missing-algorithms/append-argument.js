// A verification without options: the allowlist comes as a new options argument, with the
// algorithm jsonwebtoken signs with when none is named (HS256).
const jwt = require('jsonwebtoken');

function issue(user) {
  return jwt.sign({ sub: user.id }, process.env.MA_APPEND_SECRET, { expiresIn: '15m' });
}

function check(token) {
  return jwt.verify(token, process.env.MA_APPEND_SECRET); // expect: missing-algorithms
}

module.exports = { issue, check };
