// An empty options object, in TypeScript; the project signs this key with HS512.
import jwt from 'jsonwebtoken';

export function issue(id: string): string {
  return jwt.sign({ sub: id }, process.env.MA_EMPTY_SECRET as string, {
    algorithm: 'HS512',
    expiresIn: '15m',
  });
}

export function check(token: string) {
  return jwt.verify(token, process.env.MA_EMPTY_SECRET as string, {}); // expect: missing-algorithms
}
