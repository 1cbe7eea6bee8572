const jwt = require('jsonwebtoken');
const config = require('../config/index.js');
const keys = require('../config/keys');

module.exports = function auth(req, res, next) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  try {
    req.user = jwt.verify(token, config.jwt.secret, { algorithms: ['HS256'] }); // expect: hardcoded-secret, weak-secret
    next();
  } catch (e) {
    res.status(401).end();
  }
};

// A public key from the keys module is not a secret.
module.exports.verifyPartner = (token) => jwt.verify(token, keys.PUBLIC_KEY, { algorithms: ['RS256'] });
