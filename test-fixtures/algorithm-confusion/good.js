const fs = require('fs');
const jwt = require('jsonwebtoken');

const publicKey = fs.readFileSync('./keys/public.pem');
exports.rs = (t) => jwt.verify(t, publicKey, { algorithms: ['RS256', 'RS512'] });
exports.hs = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256', 'HS512'] });
exports.es = (t) => jwt.verify(t, publicKey, { algorithms: ['ES256', 'PS256'] });
// An HMAC secret kept in a file under `certs/`: the folder does not make it a public key.
const path = require('path');
const hmacSecret = fs.readFileSync(path.join(__dirname, 'certs', 'hmac-secret.key'));
exports.file = (t) => jwt.verify(t, hmacSecret, { algorithms: ['HS256'] });
