// The sign sets the token header's `alg` itself, which wins over `algorithm`: the allowlist
// must name HS512, not jsonwebtoken's HS256 default.
const jwt = require('jsonwebtoken');

function issue(user) {
  return jwt.sign({ sub: user.id }, process.env.MA_HEADER_SECRET, {
    expiresIn: '15m',
    header: { alg: 'HS512', typ: 'JWT' },
  });
}

function check(token) {
  return jwt.verify(token, process.env.MA_HEADER_SECRET); // expect: missing-algorithms
}

module.exports = { issue, check };
