const fs = require('fs');
const jwt = require('jwt-simple');

const publicKey = fs.readFileSync('./keys/public.pem', 'utf8');

// A public key and no algorithm: the token may say HS256 and be signed with that key.
exports.verifyRs = (t) => jwt.decode(t, publicKey); // expect: missing-algorithms
exports.verifyEnvPublic = (t) => jwt.decode(t, process.env.JWT_PUBLIC_KEY); // expect: missing-algorithms

// Near-misses: an HMAC secret (the header can only pick HMAC), the algorithm given, and
// noVerify (none-algorithm reports that one).
exports.verifyHs = (t) => jwt.decode(t, process.env.JWT_SECRET);
exports.verifyRsPinned = (t) => jwt.decode(t, publicKey, false, 'RS256');
exports.peek = (t) => jwt.decode(t, publicKey, true); // expect: none-algorithm
