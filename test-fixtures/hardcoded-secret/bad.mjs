import jwt from 'jsonwebtoken';
import * as jose from 'jose';
import { createSecretKey } from 'node:crypto';

const { JWT_SECRET = 'fallback-secret-used-when-env-is-missing' } = process.env;
const secretKey = new TextEncoder().encode('jose-secret-written-in-the-source-code');
const hmacKey = createSecretKey(Buffer.from('crypto-secret-key-from-a-literal!!'));

export function issue(user) {
  return jwt.sign({ sub: user.id }, JWT_SECRET, { expiresIn: '10m' }); // expect: hardcoded-secret
}

export async function issueJose(user) {
  return new jose.SignJWT({ sub: user.id })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('10m')
    .sign(secretKey); // expect: hardcoded-secret
}

export async function check(token) {
  return jose.jwtVerify(token, hmacKey, { algorithms: ['HS256'] }); // expect: hardcoded-secret
}

export function checkNullish(token) {
  return jwt.verify(token, process.env.TOKEN_SECRET ?? 'nullish-fallback-secret-value-123', { algorithms: ['HS256'] }); // expect: hardcoded-secret
}
