const jwt = require('jsonwebtoken');

function generateAccessToken(user) {
  return jwt.sign({ id: user.id }, process.env.ACCESS_SECRET, { expiresIn: '7d' }); // expect: long-lived-token
}

function generateRefreshToken(user) {
  return jwt.sign({ id: user.id }, process.env.REFRESH_SECRET, { expiresIn: '90d' }); // expect: long-lived-token
}

// A bare token with a computed lifetime in seconds: one week.
const token = (u) => jwt.sign({ id: u.id }, process.env.ACCESS_SECRET, { expiresIn: 60 * 60 * 24 * 7 }); // expect: long-lived-token

module.exports = { generateAccessToken, generateRefreshToken, token };
