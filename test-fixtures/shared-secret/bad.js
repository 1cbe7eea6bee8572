const jwt = require('jsonwebtoken');

const generateAccessToken = (user) =>
  jwt.sign({ id: user.id, role: user.role }, process.env.JWT_SECRET, { expiresIn: '15m' });

const generateRefreshToken = (user) =>
  jwt.sign({ id: user.id }, process.env.JWT_SECRET, { expiresIn: '7d' }); // expect: shared-secret

function login(req, res) {
  const token = jwt.sign({ id: req.user.id }, process.env.APP_KEY, { expiresIn: '1h' });
  const refresh_token = jwt.sign({ id: req.user.id }, process.env.APP_KEY, { expiresIn: '30d' }); // expect: shared-secret
  res.json({ token, refresh_token, a: generateAccessToken(req.user), r: generateRefreshToken(req.user) });
}

module.exports = { login };
