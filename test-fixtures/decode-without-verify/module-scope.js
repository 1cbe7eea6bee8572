const jwt = require('jsonwebtoken');
const express = require('express');

// Decoded once at start-up; the role it claims decides which routes exist.
const service = jwt.decode(process.env.SERVICE_TOKEN); // expect: decode-without-verify
const app = express();
if (service.role === 'admin') app.use('/admin', require('./admin'));
module.exports = app;
