const fs = require('fs');
const jwt = require('jsonwebtoken');

const privateKey = fs.readFileSync('keys/private.pem');
exports.issue = (sub) => jwt.sign({ sub }, privateKey, { algorithm: 'RS256', expiresIn: '15m' });
// A secret named like a private key but used for HMAC: never the half of a public key.
exports.issueLegacy = (sub) => jwt.sign({ sub }, process.env.LEGACY_PRIVATE_KEY, { algorithm: 'HS256', expiresIn: '15m' });
// ssh-keygen's naming: service.key, and its public half service.key.pub.
const serviceKey = fs.readFileSync('certs/service.key');
exports.issueService = (sub) => jwt.sign({ sub }, serviceKey, { algorithm: 'ES256', expiresIn: '5m' });
