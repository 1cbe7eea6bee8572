const lib = require('jsonwebtoken');

module.exports = { sign: lib.sign, verify: lib.verify };
