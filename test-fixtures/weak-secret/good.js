const jwt = require('jsonwebtoken');

// Secrets from the environment, without fallback.
exports.issue = (u) => jwt.sign({ id: u.id }, process.env.JWT_SECRET, { expiresIn: '1h' });

// A file-based private key.
const fs = require('fs');
const key = fs.readFileSync('./keys/private.pem');
exports.issueRs = (u) => jwt.sign({ id: u.id }, key, { algorithm: 'RS256', expiresIn: '1h' });

// The word "secret" in a string that is not a key.
console.log('secret');
