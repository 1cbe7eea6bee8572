// Near miss: a Set-Cookie header written as a string; no fix (its attributes are text).
exports.login = (req, res, token) => {
  res.setHeader('Set-Cookie', `token=${token}; Path=/`); // expect: insecure-token-cookie
  res.end();
};
