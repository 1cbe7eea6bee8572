// A public key verifies what its private half signs: the allowlist is the algorithm
// written at the signs with the private key of the same name.
const jwt = require('jsonwebtoken');

function issue(user) {
  return jwt.sign({ sub: user.id }, process.env.MA_PAIR_PRIVATE_KEY, {
    algorithm: 'RS256',
    expiresIn: '15m',
  });
}

function check(token) {
  return jwt.verify(token, process.env.MA_PAIR_PUBLIC_KEY); // expect: missing-algorithms
}

module.exports = { issue, check };
