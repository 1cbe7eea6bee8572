// No JWT library is named here: the calls reach it through ./lib/tokens.
const tokens = require('./lib/tokens');

exports.check = (t) => tokens.verify(t, process.env.SESSION_KEY); // expect: missing-algorithms
exports.issue = (user) => tokens.sign({ sub: user.id }, process.env.SESSION_KEY); // expect: missing-expiration
exports.ok = (t) => tokens.verify(t, process.env.SESSION_KEY, { algorithms: ['HS256'] });
