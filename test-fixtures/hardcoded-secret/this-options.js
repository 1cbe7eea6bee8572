const jwt = require('jsonwebtoken');

// A function constructor keeps its options on `this`.
function TokenService() {
  this.options = { secret: 'k7Qe2vXn9LmP4sTz8WbY1cRf6HdJ3gAu', expiresIn: '15m' };
}

TokenService.prototype.issue = function (id) {
  return jwt.sign({ sub: id }, this.options.secret, { expiresIn: this.options.expiresIn }); // expect: hardcoded-secret
};

// At the top level of a CommonJS module, `this` is `module.exports`.
this.secret = 'Zp3nQ8rTt5vWx2yBc7dFg9hJk4mLs6uE';
this.check = (t) => jwt.verify(t, this.secret, { algorithms: ['HS256'] }); // expect: hardcoded-secret

// Near-miss: set twice, so not one value.
function Rotating() {
  this.key = 'k7Qe2vXn9LmP4sTz8WbY1cRf6HdJ3gAu';
  this.key = process.env.JWT_SECRET;
}
Rotating.prototype.issue = function (id) {
  return jwt.sign({ sub: id }, this.key, { expiresIn: '15m' });
};

module.exports = { TokenService, Rotating };
