const jwt = require('jsonwebtoken');
const User = require('./models/user');

const key = process.env.JWT_SECRET;

// Nested objects hide a secret one level down.
exports.nested = (u) =>
  jwt.sign({ sub: u.id, owner: { id: u.id, password: u.password } }, key, { expiresIn: '15m' }); // expect: sensitive-claims

// A whole database record under a key.
exports.login = async (id) => {
  const found = await User.findById(id);
  return jwt.sign({ data: found }, key, { expiresIn: '15m' }); // expect: sensitive-claims
};

// A whole record copied into a fresh object.
exports.copy = async (email) => {
  const user = await User.findOne({ email });
  return jwt.sign(Object.assign({}, user), key, { expiresIn: '15m' }); // expect: sensitive-claims
};

// Properties added to an empty object.
exports.built = (u) => {
  const payload = {};
  payload.sub = u.id;
  payload.apiSecret = u.apiSecret; // expect: sensitive-claims
  return jwt.sign(payload, key, { expiresIn: '15m' });
};

// Near-misses: identifiers and flags only.
exports.safe = async (id) => {
  const found = await User.findById(id);
  return jwt.sign({ sub: found.id, role: found.role, passwordResetRequired: found.mustReset }, key, { expiresIn: '15m' });
};
exports.flags = (u) => jwt.sign({ sub: u.id, hasPassword: true, secretQuestionId: u.qid }, key, { expiresIn: '15m' });
