const express = require('express');
const { generateAccessToken, generateRefreshToken, verifyAccessToken } = require('../services/tokens');
const users = require('../services/users');

const router = express.Router();

router.post('/login', async (req, res) => {
  const user = await users.authenticate(req.body.email, req.body.password);
  if (!user) return res.status(401).json({ error: 'invalid credentials' });
  res.json({ accessToken: generateAccessToken(user), refreshToken: generateRefreshToken(user) });
});

router.get('/me', (req, res) => {
  try {
    const claims = verifyAccessToken(req.headers.authorization.replace('Bearer ', ''));
    res.json(claims);
  } catch (e) {
    res.sendStatus(401);
  }
});

module.exports = router;
