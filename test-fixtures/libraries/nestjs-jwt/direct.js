const { JwtService } = require('@nestjs/jwt');
const svc = new JwtService({ secret: 'nest-direct-service-secret-0123456789' }); // expect: hardcoded-secret
module.exports = svc;
