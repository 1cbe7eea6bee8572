const { expressjwt } = require('express-jwt');
const koaJwt = require('koa-jwt');
const jwt = require('express-jwt');

exports.api = expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }); // expect: missing-revocation
exports.koa = koaJwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }); // expect: missing-revocation
exports.legacy = jwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'], credentialsRequired: false }); // expect: missing-revocation
