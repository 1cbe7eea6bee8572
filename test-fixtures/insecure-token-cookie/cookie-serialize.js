const cookie = require('cookie');
const jwt = require('jsonwebtoken');

// The `cookie` package builds the header from its options: those are what count.
exports.login = (req, res) => {
  const token = jwt.sign({ sub: req.body.id }, process.env.JWT_SECRET, { expiresIn: '15m' });
  res.setHeader('Set-Cookie', cookie.serialize('token', token, { path: '/' })); // expect: insecure-token-cookie
  res.end();
};

// Near-miss: every flag set through the options (text has no "HttpOnly").
exports.loginSafe = (req, res) => {
  const token = jwt.sign({ sub: req.body.id }, process.env.JWT_SECRET, { expiresIn: '15m' });
  res.setHeader('Set-Cookie', cookie.serialize('token', token, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' }));
  res.end();
};

// Near-miss: not a token.
exports.theme = (req, res) => {
  res.setHeader('Set-Cookie', cookie.serialize('theme', req.query.theme, { path: '/' }));
  res.end();
};
