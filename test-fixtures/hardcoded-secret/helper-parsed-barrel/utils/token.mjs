import jwt from 'jsonwebtoken';

export function createToken(payload, secret) {
  return jwt.sign(payload, secret, { expiresIn: '15m' });
}
