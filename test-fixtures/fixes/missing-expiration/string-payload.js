// Near miss: jsonwebtoken refuses `expiresIn` with a string payload; no fix.
const jwt = require('jsonwebtoken');

exports.issue = () => jwt.sign('session', process.env.ME_STRING_SECRET); // expect: missing-expiration
