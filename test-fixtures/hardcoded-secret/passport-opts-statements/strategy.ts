import { Strategy, ExtractJwt, StrategyOptions } from 'passport-jwt';

// The same pattern in TypeScript, with a typed options object.
const options = {} as StrategyOptions;
options.jwtFromRequest = ExtractJwt.fromAuthHeaderAsBearerToken();
options.secretOrKey = 'fixed-for-now';
export const strategy = new Strategy(options, (payload, done) => done(null, payload)); // expect: missing-algorithms, hardcoded-secret, weak-secret

const merged = Object.assign({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken() }, { secretOrKey: process.env.JWT_SECRET, algorithms: ['HS256'] });
export const strict = new Strategy(merged, (payload, done) => done(null, payload));
