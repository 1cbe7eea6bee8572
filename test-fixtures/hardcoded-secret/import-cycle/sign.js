const jwt = require('jsonwebtoken');
const { secret, real } = require('./b');

exports.looping = (u) => jwt.sign({ u }, secret, { expiresIn: '5m' });
exports.resolved = (u) => jwt.sign({ u }, real, { expiresIn: '5m' }); // expect: hardcoded-secret
