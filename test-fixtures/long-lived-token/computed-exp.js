const jwt = require('jsonwebtoken');
const moment = require('moment');
const dayjs = require('dayjs');

// An `exp` claim computed from the current time lives for its offset.
exports.month = (user) =>
  jwt.sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 60 * 60 * 24 * 30 }, process.env.KEY); // expect: long-lived-token
exports.twoDays = (user) =>
  jwt.sign({ sub: user.id, exp: moment().add(2, 'days').unix() }, process.env.KEY); // expect: long-lived-token
exports.week = (user) =>
  jwt.sign({ sub: user.id, exp: dayjs().add(7, 'day').unix() }, process.env.KEY); // expect: long-lived-token
exports.dateObject = (user) =>
  jwt.sign({ sub: user.id, exp: Math.round(new Date().getTime() / 1000) + 86400 }, process.env.KEY); // expect: long-lived-token

// Near-misses: short lifetimes written the same ways.
exports.quarterHour = (user) =>
  jwt.sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 15 * 60 }, process.env.KEY);
exports.tenMinutes = (user) =>
  jwt.sign({ sub: user.id, exp: moment().add(10, 'minutes').unix() }, process.env.KEY);
// A unit jwtlint does not know stays unknown.
exports.odd = (user) => jwt.sign({ sub: user.id, exp: moment().add(1, 'fortnight').unix() }, process.env.KEY);

// A multiple of the current time instead of a sum: the token never expires in practice.
exports.multiplied = (user) =>
  jwt.sign({ sub: user.id, exp: Math.round(Date.now() / 1000) * 60 * 60 * 24 * 30 }, process.env.KEY); // expect: long-lived-token
