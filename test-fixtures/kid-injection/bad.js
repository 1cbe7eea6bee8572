const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');
const db = require('./db');

function getKey(header, callback) {
  const file = path.join(__dirname, 'keys', header.kid + '.pem');
  callback(null, fs.readFileSync(file)); // expect: kid-injection
}
exports.a = (t, done) => jwt.verify(t, getKey, { algorithms: ['RS256'] }, done);

async function fromDb(header, callback) {
  const { kid } = header;
  const rows = await db.query(`SELECT key FROM signing_keys WHERE id = '${kid}'`); // expect: kid-injection
  callback(null, rows[0].key);
}
exports.b = (t, done) => jwt.verify(t, fromDb, { algorithms: ['HS256'] }, done);
