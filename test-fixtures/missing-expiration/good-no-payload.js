const jwt = require('jsonwebtoken');

// `sign()` with no payload makes no token (jsonwebtoken throws): a stub in a mock.
exports.stub = () => jwt.sign();
exports.undefinedPayload = () => jwt.sign(undefined, process.env.JWT_SECRET);
