const { expressjwt } = require('express-jwt');
const authConfig = require('../config/auth.config');

const strict = expressjwt({ secret: authConfig.secret, ...authConfig.jwtOptions });
const loose = expressjwt({ secret: authConfig.secret, ...authConfig.looseOptions }); // expect: missing-algorithms

module.exports = { strict, loose };
