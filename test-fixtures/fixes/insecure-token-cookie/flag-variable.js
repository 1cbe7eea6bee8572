// Near miss: the flag is off through a variable (its other uses are unknown); no fix.
const HTTP_ONLY = false;

exports.login = (req, res, token) => {
  res.cookie('token', token, { httpOnly: HTTP_ONLY, secure: true, sameSite: 'strict' }); // expect: insecure-token-cookie
};
