const jwt = require('jsonwebtoken');

const isDev = process.env.NODE_ENV !== 'production';

exports.a = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'], ignoreExpiration: false });
exports.b = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'], clockTolerance: 30 });
// Not provable from the source.
exports.c = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'], ignoreExpiration: isDev });
