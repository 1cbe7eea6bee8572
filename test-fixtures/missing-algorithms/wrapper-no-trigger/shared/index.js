// A barrel without trigger words in front of the wrapper module.
module.exports = require('../lib/signing');
