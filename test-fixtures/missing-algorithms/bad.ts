// ESM and TypeScript shapes: default import, namespace import, named import with a
// rename, TS import-equals, and the express-jwt v6 default export.
import jwt from 'jsonwebtoken';
import * as jose from 'jose';
import { jwtVerify as verifyJwt } from 'jose';
import expressJwt from 'express-jwt';
import jsonwebtoken = require('jsonwebtoken');
import { Strategy, ExtractJwt } from 'passport-jwt';

const key = new TextEncoder().encode(process.env.JWT_SECRET);

export function decodeUser(token: string) {
  return jwt.verify(token, process.env.JWT_SECRET as string) as { sub: string }; // expect: missing-algorithms
}

export async function verifySession(token: string) {
  const { payload } = await jose.jwtVerify(token, key); // expect: missing-algorithms
  return payload;
}

export async function verifyWithIssuer(token: string) {
  return verifyJwt(token, key, { issuer: 'urn:example:issuer' }); // expect: missing-algorithms
}

export const requireAuth = expressJwt({ secret: process.env.JWT_SECRET! }); // expect: missing-algorithms

export function legacy(token: string) {
  return jsonwebtoken.verify(token, process.env.JWT_SECRET!); // expect: missing-algorithms
}

export const strategy = new Strategy( // expect: missing-algorithms
  {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    secretOrKey: process.env.JWT_PUBLIC_KEY,
  },
  (payload: unknown, done: (e: unknown, u: unknown) => void) => done(null, payload),
);
