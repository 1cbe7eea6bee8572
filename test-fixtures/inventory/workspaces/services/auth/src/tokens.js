// The auth service issues short access tokens and longer refresh tokens, each with its
// own secret, and hands the refresh token to the browser as a cookie.
const jwt = require('jsonwebtoken');

function issueAccessToken(user) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, {
    algorithm: 'HS256',
    expiresIn: '15m',
    audience: 'shop-api',
    issuer: 'shop-auth',
  });
}

function issueRefreshToken(user) {
  return jwt.sign({ sub: user.id }, process.env.JWT_REFRESH_SECRET, {
    algorithm: 'HS256',
    expiresIn: '7d',
  });
}

function login(req, res) {
  const refreshToken = issueRefreshToken(req.user);
  res.cookie('refresh_token', refreshToken, { httpOnly: true, secure: true, sameSite: 'strict' });
  res.json({ accessToken: issueAccessToken(req.user) });
}

module.exports = { issueAccessToken, issueRefreshToken, login };
