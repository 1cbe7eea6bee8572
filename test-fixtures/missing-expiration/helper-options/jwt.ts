import jwt from 'jsonwebtoken';

// A helper whose options are a parameter (umami-style).
export function createToken(payload: object, secret: string, options?: jwt.SignOptions) {
  return jwt.sign(payload, secret, options);
}
