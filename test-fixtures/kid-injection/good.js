const fs = require('fs');
const jwt = require('jsonwebtoken');
const db = require('./db');

const keys = { 'k-2024': fs.readFileSync('./keys/k-2024.pem') };
function getKey(header, callback) {
  callback(null, keys[header.kid]);
}
exports.a = (t, done) => jwt.verify(t, getKey, { algorithms: ['RS256'] }, done);

async function fromDb(header, callback) {
  const rows = await db.query('SELECT key FROM signing_keys WHERE id = $1', [header.kid]);
  callback(null, rows[0].key);
}
exports.b = (t, done) => jwt.verify(t, fromDb, { algorithms: ['RS256'] }, done);
