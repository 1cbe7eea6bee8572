import { decodeJwt } from 'jose';
import type { Request, Response, NextFunction } from 'express';

export function plan(req: Request, res: Response, next: NextFunction) {
  return decodeJwt(String(req.headers['x-token'])).plan !== 'pro' // expect: decode-without-verify
    ? res.sendStatus(402)
    : next();
}

export function tenant(req: Request & { tenant?: unknown }, _res: Response, next: NextFunction) {
  req.tenant = (decodeJwt(String(req.headers['x-token'])) as { tid: string }).tid; // expect: decode-without-verify
  next();
}

// Near-misses: refresh timing and a trace attribute.
export const needsRefresh = (t: string) => (decodeJwt(t).exp ?? 0) * 1000 < Date.now();
export const traceSubject = (t: string) => ({ 'enduser.id': decodeJwt(t).sub });
