const jwt = require('jsonwebtoken');

// A claim read in place decides the branch.
exports.gold = (req, res, next) => {
  if (jwt.decode(req.cookies.token).tier === 'gold') return next(); // expect: decode-without-verify
  res.sendStatus(402);
};

exports.flag = (req, res, next) => {
  if (!jwt.decode(req.cookies.token).paid) return res.sendStatus(402); // expect: decode-without-verify
  next();
};

// Any request field made from the claims.
exports.account = (req, res, next) => {
  req.accountId = jwt.decode(req.headers['x-token']).sub; // expect: decode-without-verify
  next();
};

// Near-misses: an expiry check and a log line decide nothing.
exports.stale = (token) => jwt.decode(token).exp < Date.now() / 1000;
exports.log = (token) => console.log('subject', jwt.decode(token).sub);
