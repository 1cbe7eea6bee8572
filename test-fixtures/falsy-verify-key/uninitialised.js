const jwt = require('jsonwebtoken');

let secret;
exports.check = (t) => jwt.verify(t, secret, { algorithms: ['HS256'] }); // expect: falsy-verify-key
