// A public key: the HMAC algorithms go.
const crypto = require('crypto');
const jwt = require('jsonwebtoken');

const publicKey = crypto.createPublicKey(process.env.AC_PUBLIC_KEY);

exports.check = (token) => jwt.verify(token, publicKey, { algorithms: ['RS256', 'HS256', 'ES256'] }); // expect: algorithm-confusion
