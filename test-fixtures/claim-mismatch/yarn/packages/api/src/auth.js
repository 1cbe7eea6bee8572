const jwt = require('jsonwebtoken');

// The access pair's audience: the refresh pair's "refresh" is not this key's.
exports.checkAccess = (t) =>
  jwt.verify(t, process.env.ACCESS_TOKEN_PUBLIC_KEY, { algorithms: ['ES256'], audience: 'api', issuer: 'shop' });
exports.checkRefresh = (t) =>
  jwt.verify(t, process.env.REFRESH_TOKEN_PUBLIC_KEY, { algorithms: ['ES256'], audience: 'api', issuer: 'shop' }); // expect: claim-mismatch
// An audience that is not known is not compared.
exports.checkFor = (t, audience) =>
  jwt.verify(t, process.env.REFRESH_TOKEN_PUBLIC_KEY, { algorithms: ['ES256'], audience, issuer: 'shop' });
