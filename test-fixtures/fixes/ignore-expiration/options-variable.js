// Near miss: the options object is a variable, maybe shared; no fix.
const jwt = require('jsonwebtoken');

const verifyOptions = { algorithms: ['HS256'], ignoreExpiration: true }; // expect: ignore-expiration

exports.check = (token) => jwt.verify(token, process.env.IE_VAR_SECRET, verifyOptions);
