const { createSigner, createVerifier, createDecoder } = require('fast-jwt');
exports.sign = createSigner({ key: process.env.S, expiresIn: 2 * 60 * 60 * 1000 }); // expect: long-lived-token
exports.verify = createVerifier({ key: process.env.S }); // expect: missing-algorithms
exports.decode = createDecoder();
