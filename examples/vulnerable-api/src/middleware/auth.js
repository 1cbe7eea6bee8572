const { expressjwt } = require('express-jwt');

// Verifies the bearer token on every /api route.
const requireAuth = expressjwt({
  secret: process.env.JWT_SECRET,
  algorithms: ['HS256'],
});

function requireRole(role) {
  return (req, res, next) => (req.auth && req.auth.role === role ? next() : res.sendStatus(403));
}

module.exports = { requireAuth, requireRole };
