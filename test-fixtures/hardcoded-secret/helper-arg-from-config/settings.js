module.exports = {
  signing: 'v9$Lq2!rT7#pX4@wZ8&nB3*kD6^mF1%c',
  port: 3000,
};
