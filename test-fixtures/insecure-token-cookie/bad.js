const express = require('express');
const router = express.Router();

router.post('/login', (req, res) => {
  const token = createToken(req.user);
  res.cookie('jwt', token, { maxAge: 900000 }); // expect: insecure-token-cookie
  res.cookie('refreshToken', req.refresh, { httpOnly: false, secure: true, sameSite: 'strict' }); // expect: insecure-token-cookie
  res.cookie('session', token); // expect: insecure-token-cookie
  res.setHeader('Set-Cookie', `access_token=${token}; Path=/; HttpOnly`); // expect: insecure-token-cookie
  res.json({ ok: true });
});

module.exports = router;
