const jwt = require('jsonwebtoken');
const { expressjwt } = require('express-jwt');

// Tutorial placeholders and short literals, as keys and as env fallbacks.
exports.issue = (u) => jwt.sign({ id: u.id }, 'secret', { expiresIn: '1h' }); // expect: hardcoded-secret, weak-secret
exports.check = (t) => jwt.verify(t, process.env.JWT_SECRET || 'your-secret-key', { algorithms: ['HS256'] }); // expect: hardcoded-secret, weak-secret

exports.auth = expressjwt({
  secret: 'keyboard cat', // expect: hardcoded-secret, weak-secret
  algorithms: ['HS256'],
});
