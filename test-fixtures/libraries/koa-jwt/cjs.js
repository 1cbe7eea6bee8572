const koaJwt = require('koa-jwt');
module.exports = koaJwt({ secret: process.env.S }); // expect: missing-algorithms
