const jwt = require('jsonwebtoken');
const { jwt: { secret } } = require('../config/config');

exports.createRefreshToken = (user) => jwt.sign({ sub: user.id }, secret, { expiresIn: '30d' }); // expect: shared-secret
