const fastify = require('fastify')();

// The registration gives no `verify.algorithms`, so every verification accepts any algorithm.
fastify.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET, sign: { expiresIn: '15m' } });
fastify.register(require('./routes'));

module.exports = fastify;
