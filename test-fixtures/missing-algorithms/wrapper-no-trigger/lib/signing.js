// A project module that hands out a JWT library's functions under other names.
const lib = require('jsonwebtoken');

module.exports = { check: lib.verify, issue: lib.sign };
