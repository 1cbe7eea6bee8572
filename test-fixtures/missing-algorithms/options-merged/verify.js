const jwt = require('jsonwebtoken');
const { promisify } = require('util');

const base = { issuer: 'accounts' };

// Options merged into a fresh object: what the sources hold is what the call gets.
exports.merged = (t) => jwt.verify(t, process.env.KEY, Object.assign({}, base, { audience: 'api' })); // expect: missing-algorithms
exports.mergedStrict = (t) =>
  jwt.verify(t, process.env.KEY, Object.assign({}, base, { algorithms: ['HS256'] }));

// Near-miss: an object changed by Object.assign later is not provably without an allowlist.
const later = {};
Object.assign(later, loadVerifyOptions());
exports.later = (t) => jwt.verify(t, process.env.KEY, later);

// A promisified verify called in place is still a verify.
exports.promised = (t) => promisify(jwt.verify)(t, process.env.KEY); // expect: missing-algorithms
exports.promisedStrict = (t) => promisify(jwt.verify)(t, process.env.KEY, { algorithms: ['HS256'] });

function loadVerifyOptions() {
  return JSON.parse(process.env.VERIFY_OPTIONS || '{}');
}
