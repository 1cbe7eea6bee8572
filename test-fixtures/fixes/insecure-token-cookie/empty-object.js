// An empty options object.
exports.login = (req, res) => {
  const { token } = req.session;
  res.cookie('session_token', token, {}); // expect: insecure-token-cookie
};
