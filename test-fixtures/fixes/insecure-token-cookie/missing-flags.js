// The flags are added to the options object: httpOnly, secure, and sameSite 'lax'.
exports.login = (req, res, token) => {
  res.cookie('token', token, { maxAge: 900000 }); // expect: insecure-token-cookie
  res.end();
};
