const jwt = require('jsonwebtoken');
const jwksClient = require('jwks-rsa');

const client = jwksClient({ jwksUri: 'https://auth.example.com/.well-known/jwks.json' });
function getKey(header, callback) {
  client.getSigningKey(header.kid, (err, key) => callback(err, key && key.getPublicKey()));
}
exports.a = (t, done) => jwt.verify(t, getKey, { algorithms: ['RS256'] }, done);
