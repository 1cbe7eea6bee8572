const jws = require('jws');
exports.auth = (req, res, next) => {
  req.user = JSON.parse(jws.decode(req.headers['x-token']).payload); // expect: decode-without-verify
  next();
};
// Near-miss: the header read for logging.
exports.kid = (t) => console.log(jws.decode(t).header.kid);
