// No library name or trigger word here: the calls reach the library through ./lib/signing.
const { check } = require('./lib/signing');
const helpers = require('./lib/signing');

exports.read = (t) => check(t, process.env.SESSION_KEY); // expect: missing-algorithms
exports.readStrict = (t) => check(t, process.env.SESSION_KEY, { algorithms: ['HS256'] });
exports.readAgain = (t) => helpers.check(t, process.env.SESSION_KEY); // expect: missing-algorithms
