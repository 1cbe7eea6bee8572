const jwt = require('jsonwebtoken');

const sign = (payload, key, ttl) => jwt.sign(payload, key, { expiresIn: ttl });

function issue(user) {
  const accessToken = sign({ sub: user.id }, process.env.JWT_SECRET, '15m');
  const refreshToken = sign({ sub: user.id }, process.env.JWT_SECRET, '7d'); // expect: shared-secret
  return { accessToken, refreshToken };
}

function issueSeparately(user) {
  const accessToken = sign({ sub: user.id }, process.env.JWT_ACCESS_SECRET, '15m');
  const refreshToken = sign({ sub: user.id }, process.env.JWT_REFRESH_SECRET, '7d');
  return { accessToken, refreshToken };
}

module.exports = { issue, issueSeparately };
