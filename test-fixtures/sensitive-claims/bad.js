const jwt = require('jsonwebtoken');

exports.login = async (req, res) => {
  const user = await User.findOne({ email: req.body.email });
  const token = jwt.sign(user.toJSON(), process.env.JWT_SECRET, { expiresIn: '15m' }); // expect: sensitive-claims
  const other = jwt.sign({ ...user._doc }, process.env.JWT_SECRET, { expiresIn: '15m' }); // expect: sensitive-claims
  const third = jwt.sign(
    {
      id: user.id,
      passwordHash: user.passwordHash, // expect: sensitive-claims
    },
    process.env.JWT_SECRET,
    { expiresIn: '15m' },
  );
  res.json({ token, other, third });
};
