// jose v1/v2
const { JWT, JWK } = require('jose');
exports.s = (u) => JWT.sign({ sub: u.id }, JWK.None); // expect: none-algorithm, missing-expiration
exports.v = (t) => JWT.verify(t, JWK.None, { algorithms: ['none'] }); // expect: none-algorithm
exports.d = (t) => JWT.decode(t);
exports.k = (u) => JWT.sign({ sub: u.id }, JWK.asKey('legacy-jose-literal-secret-value-0001'), { expiresIn: '5m' }); // expect: hardcoded-secret
