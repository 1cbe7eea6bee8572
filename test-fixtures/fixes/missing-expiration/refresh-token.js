// Near miss: a refresh token's lifetime is the application's choice; no fix.
const jwt = require('jsonwebtoken');

exports.generateRefreshToken = (user) => jwt.sign({ sub: user.id }, process.env.ME_REFRESH_SECRET); // expect: missing-expiration
