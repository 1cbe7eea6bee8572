const express = require('express');
const { expressjwt } = require('express-jwt');

const app = express();
app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] })); // expect: hmac-key-across-services
module.exports = app;
