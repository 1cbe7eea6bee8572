// express-jwt: the allowlist goes into its configuration object.
const { expressjwt } = require('express-jwt');
const jwt = require('jsonwebtoken');

exports.issue = (u) =>
  jwt.sign({ sub: u.id }, process.env.MA_EXPRESS_SECRET, { algorithm: 'HS384', expiresIn: '5m' });

exports.auth = expressjwt({ secret: process.env.MA_EXPRESS_SECRET }); // expect: missing-algorithms
