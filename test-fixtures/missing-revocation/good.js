const { expressjwt } = require('express-jwt');
const { isRevoked } = require('./revocations');

exports.api = expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'], isRevoked });
// Options built elsewhere may carry isRevoked.
exports.fromOptions = (options) => expressjwt(options);
