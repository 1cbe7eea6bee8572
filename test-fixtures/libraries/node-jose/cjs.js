const jose = require('node-jose');
exports.sign = (key, payload) => jose.JWS.createSign({ format: 'compact', alg: 'none' }, key).update(payload).final(); // expect: none-algorithm
exports.verify = (keystore, t) => jose.JWS.createVerify(keystore).verify(t); // expect: missing-algorithms
