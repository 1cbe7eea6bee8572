// A sign without options gets an options argument with the configured lifetime.
const jwt = require('jsonwebtoken');

exports.issue = (user) => jwt.sign({ sub: user.id }, process.env.ME_APPEND_SECRET); // expect: missing-expiration
