const fs = require('fs');
const jwt = require('jsonwebtoken');

const servicePublicKey = fs.readFileSync('certs/service.key.pub');
exports.checkService = (t) => jwt.verify(t, servicePublicKey, { algorithms: ['RS256'] }); // expect: algorithm-mismatch
// Another key's public half: not compared with service.key's issuer.
exports.checkOther = (t) => jwt.verify(t, fs.readFileSync('certs/other.key.pub'), { algorithms: ['RS256'] });
