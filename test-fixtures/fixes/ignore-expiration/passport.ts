// passport-jwt strategy options, the property first in its object.
import { Strategy, ExtractJwt } from 'passport-jwt';

export const strategy = new Strategy(
  { ignoreExpiration: true, jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.IE_PASSPORT_SECRET!, algorithms: ['HS256'] }, // expect: ignore-expiration
  (payload: unknown, done: (e: unknown, u?: unknown) => void) => done(null, payload),
);
