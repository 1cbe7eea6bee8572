const { KJUR } = require('jsrsasign');
exports.sign = (u) => KJUR.jws.JWS.sign('HS256', { alg: 'HS256' }, JSON.stringify({ sub: u.id }), 'rsasign-secret'); // expect: hardcoded-secret, weak-secret
exports.verify = (t) => KJUR.jws.JWS.verifyJWT(t, process.env.S, { alg: ['HS256', 'RS256'] }); // expect: algorithm-confusion
