const jwt = require('jsonwebtoken');
const { decode } = require('jsonwebtoken');
const User = require('../models/user');

exports.auth = (req, res, next) => {
  req.user = jwt.decode(req.headers.authorization.split(' ')[1]); // expect: decode-without-verify
  next();
};

exports.adminOnly = (req, res, next) => {
  const claims = decode(req.cookies.token); // expect: decode-without-verify
  if (claims.role !== 'admin') return res.sendStatus(403);
  next();
};

exports.me = async (req, res) => {
  const payload = JSON.parse(Buffer.from(req.cookies.token.split('.')[1], 'base64').toString()); // expect: decode-without-verify
  res.json(await User.findById(payload.id));
};
