const jwt = require('express-jwt');
module.exports = jwt({ secret: 'express-jwt-v6-secret-0123456789abcdef' }); // expect: missing-algorithms, hardcoded-secret
