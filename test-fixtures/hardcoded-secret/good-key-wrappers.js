const jwt = require('jsonwebtoken');
const fs = require('fs');
const path = require('path');

// A public key written in base64 is meant to ship with the code.
const publicKey = Buffer.from('LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0KTUZrd0V3WUhLb1pJemowQ0FRWUlLb1pJemowREFRY0RRZ0FFand0bGludDBmaXh0dXJlMHB1YmxpYzBrZXkwb25seTAwMDAKLS0tLS1FTkQgUFVCTElDIEtFWS0tLS0tCg==', 'base64').toString('utf8');
exports.check = (t) => jwt.verify(t, publicKey, { algorithms: ['ES256'] });
exports.checkBytes = (t) => jwt.verify(t, Buffer.from('LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0KTUZrd0V3WUhLb1pJemowQ0FRWUlLb1pJemowREFRY0RRZ0FFand0bGludDBmaXh0dXJlMHB1YmxpYzBrZXkwb25seTAwMDAKLS0tLS1FTkQgUFVCTElDIEtFWS0tLS0tCg==', 'base64'), { algorithms: ['ES256'] });

// Key material from the environment, its newlines restored: no literal anywhere.
exports.issue = (sub) =>
  jwt.sign({ sub }, process.env.JWT_PRIVATE_KEY.replace(/\\n/g, '\n'), { algorithm: 'ES256', expiresIn: '15m' });

// A key file's path is configuration, not a secret.
const privateKey = fs.readFileSync(path.join(__dirname, 'keys', 'private.pem'), 'utf8').trim();
exports.issueFromFile = (sub) => jwt.sign({ sub }, privateKey, { algorithm: 'ES256', expiresIn: '15m' });

// The token, not the key, has its prefix stripped.
exports.middleware = (req, res, next) => {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  req.user = jwt.verify(token, process.env.JWT_PUBLIC_KEY.replace(/\\n/g, '\n'), { algorithms: ['ES256'] });
  next();
};
