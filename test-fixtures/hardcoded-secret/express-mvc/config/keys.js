exports.REFRESH_SECRET = 'refresh-secret-literal-in-the-keys-module';
exports.PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
-----END PUBLIC KEY-----`;
exports.API_KEY_HEADER = 'x-api-key';
