const assert = require('node:assert');
const { decode } = require('jsonwebtoken');
const { issue } = require('../src/auth');

test('admin tokens carry the role', () => {
  const claims = decode(issue({ id: 1, role: 'admin' }));
  assert.strictEqual(claims.role, 'admin');
  assert.equal(decode(issue({ id: 2 })).tier === 'gold', false);
});
