const jwt = require('jsonwebtoken');
const config = require('../config/config');

exports.createAccessToken = (user) => jwt.sign({ sub: user.id }, config.jwt.secret, { expiresIn: '15m' });
exports.createEmailToken = (user) => jwt.sign({ sub: user.id }, config.jwt.refreshSecret, { expiresIn: '1d' });
