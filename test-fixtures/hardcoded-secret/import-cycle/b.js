const a = require('./a');
exports.secret = a.secret;
exports.real = a.real;
