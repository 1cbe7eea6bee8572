// Flags set to the wrong value are turned around: false to true, 'none' to 'lax'.
import type { Response } from 'express';

export function login(res: Response, token: string) {
  res.cookie('jwt', token, { httpOnly: false, secure: true, sameSite: "none" }); // expect: insecure-token-cookie
}
