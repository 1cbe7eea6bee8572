const jwt = require('jsonwebtoken');

// A member without a name is still its own service.
exports.check = (t) => jwt.verify(t, process.env.JOBS_SECRET, { algorithms: ['HS256'] }); // expect: hmac-key-across-services
// Its own secret, which no other service signs with.
exports.checkLocal = (t) => jwt.verify(t, process.env.WORKER_SECRET, { algorithms: ['HS256'] });
