const bcrypt = require('bcryptjs');

const db = new Map();

async function authenticate(email, password) {
  const user = db.get(email);
  if (!user) return null;
  return (await bcrypt.compare(password, user.passwordHash)) ? user : null;
}

module.exports = { authenticate };
