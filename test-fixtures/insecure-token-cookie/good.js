exports.login = (req, res) => {
  const token = createToken(req.user);
  const isProd = process.env.NODE_ENV === 'production';
  res.cookie('jwt', token, { httpOnly: true, secure: isProd, sameSite: 'lax' });
  // Non-token cookies.
  res.cookie('theme', req.body.theme);
  res.cookie('locale', 'en-GB', { maxAge: 31536000 });
  // Options from elsewhere.
  res.cookie('token', token, cookieOptions());
  res.setHeader('Set-Cookie', `jwt=${token}; Path=/; HttpOnly; Secure; SameSite=Strict`);
  res.json({ ok: true });
};

// Clearing the cookie on logout sets no token.
exports.logout = (req, res) => {
  res.cookie('jwt', '', { expires: new Date(0) });
  res.sendStatus(204);
};
