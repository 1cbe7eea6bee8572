// a.js and b.js require each other; resolution must stop, and stay silent on the cycle.
const b = require('./b');
exports.secret = b.secret;
exports.real = 'cycle-fixture-real-secret-value-000';
