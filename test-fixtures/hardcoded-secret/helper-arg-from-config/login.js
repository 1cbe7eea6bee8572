// A helper's key comes from its caller, and the caller takes it from a settings module
// that never mentions a JWT: the settings module must still be read.
const { issue } = require('./lib/tokens');
const settings = require('./settings');

module.exports.login = (user) => issue({ sub: user.id }, settings.signing, '1h'); // expect: hardcoded-secret
