import { decode } from 'jws';
import type { Request, Response, NextFunction } from 'express';

export function requireOwner(req: Request, res: Response, next: NextFunction) {
  const claims = JSON.parse(decode(String(req.headers['x-token'])).payload) as { groups: string[] }; // expect: decode-without-verify
  if (!claims.groups.includes('owners')) return res.sendStatus(403);
  next();
}
