// A multi-line object: one flag a line, trailing comma kept.
import type { Response } from 'express';

export function login(res: Response, accessToken: string) {
  res.cookie('access_token', accessToken, { // expect: insecure-token-cookie
    maxAge: 15 * 60 * 1000,
    path: '/',
  });
}
