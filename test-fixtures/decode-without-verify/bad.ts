import { decodeJwt } from 'jose';
import { jwtDecode } from 'jwt-decode';
import type { Request, Response, NextFunction } from 'express';

export function requireScope(req: Request, res: Response, next: NextFunction) {
  const { scope } = decodeJwt(String(req.headers['x-token'])); // expect: decode-without-verify
  if (!String(scope).includes('write')) return res.sendStatus(403);
  next();
}

export function attach(req: Request & { auth?: unknown }, _res: Response, next: NextFunction) {
  const decoded = jwtDecode(String(req.headers.authorization)); // expect: decode-without-verify
  req.auth = decoded;
  next();
}
