// A verification with a callback: the options go before it.
const jwt = require('jsonwebtoken');

exports.sign = (u) => jwt.sign({ sub: u.id }, process.env.MA_CALLBACK_SECRET, { expiresIn: '5m' });

exports.check = (token, done) =>
  jwt.verify(token, process.env.MA_CALLBACK_SECRET, (err, claims) => done(err, claims)); // expect: missing-algorithms
