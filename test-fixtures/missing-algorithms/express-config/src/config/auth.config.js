module.exports = {
  secret: process.env.AUTH_SECRET,
  jwtOptions: { algorithms: ['HS256'] },
  looseOptions: { ignoreNotBefore: false },
};
