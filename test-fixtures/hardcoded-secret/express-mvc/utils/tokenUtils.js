const jwt = require('jsonwebtoken');
const { jwt: jwtConfig } = require('../config');
const { REFRESH_SECRET } = require('../config/keys');

exports.generateAccessToken = (user) =>
  jwt.sign({ id: user.id }, jwtConfig.secret, { expiresIn: jwtConfig.accessExpiresIn }); // expect: hardcoded-secret, weak-secret

exports.generateRefreshToken = (user) =>
  jwt.sign({ id: user.id }, REFRESH_SECRET, { expiresIn: jwtConfig.refreshExpiresIn }); // expect: hardcoded-secret
