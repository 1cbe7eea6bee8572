// Configuration module: no JWT library in sight, so the prefilter skips it until a
// parsed file imports it.
module.exports = {
  port: process.env.PORT || 3000,
  jwt: {
    secret: process.env.JWT_SECRET || 'mvc-dev-secret-please-change',
    accessExpiresIn: '15m',
    refreshExpiresIn: '7d',
  },
};
