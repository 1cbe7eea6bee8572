const jwt = require('jsonwebtoken');
const fs = require('fs');

// Near-miss: a public key verifies without being able to sign.
const publicKey = fs.readFileSync(process.env.JWT_PUBLIC_KEY_FILE);
exports.check = (t) => jwt.verify(t, publicKey, { algorithms: ['RS256'] });
// Near-miss: its own secret, which no other service signs with.
exports.checkInternal = (t) => jwt.verify(t, process.env.REPORTS_SECRET, { algorithms: ['HS256'] });
