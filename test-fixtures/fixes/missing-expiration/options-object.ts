// An options object, multi-line.
import jwt from 'jsonwebtoken';

export function issueAccessToken(userId: string): string {
  return jwt.sign({ sub: userId }, process.env.ME_OBJECT_SECRET!, { // expect: missing-expiration
    algorithm: 'HS256',
  });
}
