const { Injectable } = require('@nestjs/common');
const { ConfigService } = require('@nestjs/config');
const { PassportStrategy } = require('@nestjs/passport');
const { ExtractJwt, Strategy } = require('passport-jwt');

// A public key from another source (an env var) than the auth app's private key (a config
// key): not known to be its pair, so not compared.
class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(config) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_PUBLIC_KEY, algorithms: ['RS256'], audience: 'billing' });
  }
}
module.exports = { JwtStrategy };
