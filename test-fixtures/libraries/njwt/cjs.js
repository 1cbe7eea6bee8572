const nJwt = require('njwt');
exports.create = (u) => nJwt.create({ sub: u.id }, 'njwt-short', 'HS256').compact(); // expect: hardcoded-secret, weak-secret
exports.verify = (t) => nJwt.verify(t, process.env.S);
