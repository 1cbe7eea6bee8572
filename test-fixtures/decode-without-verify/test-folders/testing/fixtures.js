const jwt = require('jsonwebtoken');

// A testing library of fixtures.
exports.adminRequest = (token) => ({ user: jwt.decode(token) });
exports.asAdmin = (req, token) => {
  req.user = jwt.decode(token);
  return req;
};
