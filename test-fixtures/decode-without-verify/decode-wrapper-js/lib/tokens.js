const jws = require('jws');

exports.decodeClaims = (token) => {
  const parts = jws.decode(token);
  return parts && JSON.parse(parts.payload);
};
