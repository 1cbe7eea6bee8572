// The app's own module re-exports the library, so the rest of the code never imports it.
const jsonwebtoken = require('jsonwebtoken');

module.exports = jsonwebtoken;
