// Near-miss: the private half signs without a written algorithm (jsonwebtoken refuses a
// private key for its HS256 default, so what it signs with is not known): no fix.
const jwt = require('jsonwebtoken');

function issue(user) {
  return jwt.sign({ sub: user.id }, process.env.MA_NOALG_PRIVATE_KEY, { expiresIn: '15m' });
}

function check(token) {
  return jwt.verify(token, process.env.MA_NOALG_PUBLIC_KEY); // expect: missing-algorithms
}

module.exports = { issue, check };
