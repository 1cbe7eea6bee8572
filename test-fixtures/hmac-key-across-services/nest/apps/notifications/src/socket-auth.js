const jwt = require('jsonwebtoken');

exports.authenticate = (token) => jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] }); // expect: hmac-key-across-services
exports.authenticateInternal = (token) => jwt.verify(token, process.env.NOTIFY_SECRET, { algorithms: ['HS256'] });
