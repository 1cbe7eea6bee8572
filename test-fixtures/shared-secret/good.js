const jwt = require('jsonwebtoken');

const generateAccessToken = (user) =>
  jwt.sign({ id: user.id }, process.env.ACCESS_TOKEN_SECRET, { expiresIn: '15m' });

const generateRefreshToken = (user) =>
  jwt.sign({ id: user.id }, process.env.REFRESH_TOKEN_SECRET, { expiresIn: '7d' });

// The same secret for verifying what it signed is expected.
function verifyRefresh(token) {
  return jwt.verify(token, process.env.REFRESH_TOKEN_SECRET, { algorithms: ['HS256'] });
}

// Two access tokens with one secret: one kind, nothing shared across kinds.
function issueTwice(user) {
  const accessToken = jwt.sign({ id: user.id }, process.env.ACCESS_TOKEN_SECRET, { expiresIn: '5m' });
  const accessTokenForApi = jwt.sign({ id: user.id, aud: 'api' }, process.env.ACCESS_TOKEN_SECRET, { expiresIn: '5m' });
  return [accessToken, accessTokenForApi];
}

// Keys handed in by callers cannot be compared.
function signWith(payload, key) {
  return jwt.sign(payload, key, { expiresIn: '1h' });
}
function refreshWith(payload, refreshKey) {
  const refreshToken = jwt.sign(payload, refreshKey, { expiresIn: '7d' });
  return refreshToken;
}

module.exports = { generateAccessToken, generateRefreshToken, verifyRefresh, issueTwice, signWith, refreshWith };
