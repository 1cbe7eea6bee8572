const jwt = require('jsonwebtoken');
const axios = require('axios');

function getKey(header, callback) { // expect: untrusted-key-source
  callback(null, header.jwk);
}
exports.a = (t, done) => jwt.verify(t, getKey, { algorithms: ['RS256'] }, done);

async function fromJku(header, callback) {
  const res = await axios.get(header.jku); // expect: untrusted-key-source
  callback(null, res.data.keys[0]);
}
exports.b = (t, done) => jwt.verify(t, fromJku, { algorithms: ['RS256'] }, done);
