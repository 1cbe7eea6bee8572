const jwt = require('jsonwebtoken');
const fs = require('fs');
const path = require('path');
const { join, resolve } = require('path');

// Key files read through path.join / path.resolve: `keys/private.pem` pairs with
// `keys/public.pem`, `jwtRS256.key` with `jwtRS256.key.pub`.
const privateKey = fs.readFileSync(path.join(__dirname, '../keys/private.pem'));
exports.issue = (sub) => jwt.sign({ sub }, privateKey, { algorithm: 'RS256', expiresIn: '15m' });
exports.check = (t) =>
  jwt.verify(t, fs.readFileSync(path.resolve(__dirname, 'keys', 'public.pem')), { algorithms: ['ES256'] }); // expect: algorithm-mismatch

const signingKey = fs.readFileSync(join(process.cwd(), 'certs/jwtRS256.key'), 'utf8');
exports.issueSession = (sub) => jwt.sign({ sub }, signingKey, { algorithm: 'RS256', expiresIn: '15m' });
exports.checkSession = (t) =>
  jwt.verify(t, fs.readFileSync(resolve(process.cwd(), 'certs', 'jwtRS256.key.pub'), 'utf8'), { algorithms: ['ES512'] }); // expect: algorithm-mismatch

// Concatenated and templated from the directory.
const legacyPrivate = fs.readFileSync(__dirname + '/keys/legacy-private.pem');
exports.issueLegacy = (sub) => jwt.sign({ sub }, legacyPrivate, { algorithm: 'RS256', expiresIn: '15m' });
exports.checkLegacy = (t) => jwt.verify(t, fs.readFileSync(`${__dirname}/keys/legacy-public.pem`), { algorithms: ['ES256'] }); // expect: algorithm-mismatch

// Near-miss: a folder known only at run time; these files may be any keys.
exports.issueTenant = (dir, sub) =>
  jwt.sign({ sub }, fs.readFileSync(path.join(dir, 'tenant-private.pem')), { algorithm: 'RS256', expiresIn: '15m' });
exports.checkTenant = (dir, t) =>
  jwt.verify(t, fs.readFileSync(path.join(dir, 'tenant-public.pem')), { algorithms: ['ES256'] });

// Near-miss: a file name built from a value.
exports.checkKid = (kid, t) =>
  jwt.verify(t, fs.readFileSync(path.join(__dirname, 'keys', `${kid}-public.pem`)), { algorithms: ['ES256'] });
// Near-miss: a file under a folder read from the environment.
exports.checkMounted = (t) =>
  jwt.verify(t, fs.readFileSync(`${process.env.KEYS_DIR}/legacy-public.pem`), { algorithms: ['ES256'] });
