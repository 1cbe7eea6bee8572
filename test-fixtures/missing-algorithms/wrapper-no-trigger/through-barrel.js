const { check } = require('./shared');

exports.readViaBarrel = (t) => check(t, process.env.SESSION_KEY); // expect: missing-algorithms
