// Near miss: the options are a variable, maybe shared by other cookies; no fix.
const cookieOptions = { maxAge: 60000 };

exports.login = (req, res, token) => {
  res.cookie('token', token, cookieOptions); // expect: insecure-token-cookie
};
