import { sign } from 'jsonwebtoken';

export function createRefreshToken(userId) {
  return sign({ userId }, process.env.TOKEN_SECRET, { expiresIn: '7d' }); // expect: shared-secret
}
