import type { Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export function login(req: Request, res: Response) {
  const accessToken = jwt.sign({ sub: req.body.id }, process.env.JWT_SECRET as string, { expiresIn: '15m' });
  res
    .status(200)
    .cookie('access_token', accessToken, { secure: true }) // expect: insecure-token-cookie
    .json({ ok: true });
}

export function loginSafe(req: Request, res: Response) {
  const accessToken = jwt.sign({ sub: req.body.id }, process.env.JWT_SECRET as string, { expiresIn: '15m' });
  res
    .status(200)
    .cookie('access_token', accessToken, { httpOnly: true, secure: true, sameSite: 'lax' })
    .json({ ok: true });
}
