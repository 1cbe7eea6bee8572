const jwt = require('jsonwebtoken');

// The application itself is linted as usual.
exports.auth = (req, res, next) => {
  req.user = jwt.decode(req.cookies.token); // expect: decode-without-verify
  next();
};
