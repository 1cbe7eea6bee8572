// Near miss: nothing says which family the key is for; no fix.
const jwt = require('jsonwebtoken');

exports.check = (token, key) => jwt.verify(token, key, { algorithms: ['HS256', 'RS256'] }); // expect: algorithm-confusion
