const jwt = require('jsonwebtoken');

exports.login = (user) => jwt.sign({ sub: user.id, role: user.role, scopes: ['read'] }, process.env.JWT_SECRET, { expiresIn: '15m' });
// Personal data only with the `pii` option.
exports.withEmail = (user) => jwt.sign({ sub: user.id, email: user.email }, process.env.JWT_SECRET, { expiresIn: '15m' });
// A payload built elsewhere, not a record by its name.
exports.fromPayload = (payload) => jwt.sign(payload, process.env.JWT_SECRET, { expiresIn: '15m' });

// A session hash that the server checks against its store is not a password hash.
exports.refresh = (session) => jwt.sign({ sessionId: session.id, hash: session.hash }, process.env.JWT_REFRESH_SECRET, { expiresIn: '7d' });
