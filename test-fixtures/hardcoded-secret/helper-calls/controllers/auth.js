const { createToken, verifyToken } = require('../utils/token');
const tokens = require('../utils/token');

exports.login = (req, res) => {
  const token = createToken({ id: req.user.id }, 'helper-call-literal-secret-000001'); // expect: hardcoded-secret
  const other = tokens.createToken({ id: req.user.id }, process.env.JWT_SECRET);
  res.json({ token, other });
};

exports.me = (req, res) => {
  res.json(verifyToken(req.query.t, `template-secret-passed-to-a-helper`)); // expect: hardcoded-secret
};
