// A multi-line allowlist, 'none' first.
import jwt from 'jsonwebtoken';

export const check = (token: string) =>
  jwt.verify(token, process.env.NA_MULTI_SECRET!, {
    algorithms: [
      'none', // expect: none-algorithm
      'HS512',
    ],
  });
