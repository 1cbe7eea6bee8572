const jwt = require('jsonwebtoken');

// The access pair signs RS256 only: ES256 is a family its issuer never uses.
exports.checkAccess = (t) => jwt.verify(t, process.env.ACCESS_TOKEN_PUBLIC_KEY, { algorithms: ['RS256', 'ES256'] }); // expect: algorithm-mismatch
// The refresh pair signs ES256, which this allows; the access pair's RS256 is another pair's.
exports.checkRefresh = (t) => jwt.verify(t, process.env.REFRESH_TOKEN_PUBLIC_KEY, { algorithms: ['ES256'] });
// The issuer's algorithm left out: every token rejected.
exports.checkRefreshRsa = (t) => jwt.verify(t, process.env.REFRESH_TOKEN_PUBLIC_KEY, { algorithms: ['RS256'] }); // expect: algorithm-mismatch
// RS256 and PS256 take the same RSA key: one family.
exports.checkAccessPss = (t) => jwt.verify(t, process.env.ACCESS_TOKEN_PUBLIC_KEY, { algorithms: ['RS256', 'PS256'] });
// HMAC beside RS256 is algorithm-confusion's finding, not reported twice.
exports.checkMixed = (t) => jwt.verify(t, process.env.ACCESS_TOKEN_PUBLIC_KEY, { algorithms: ['RS256', 'HS256'] }); // expect: algorithm-confusion
