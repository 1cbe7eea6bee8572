import jwt from 'jsonwebtoken';
import { env } from './env';

export function issuePair(sub: string) {
  const accessToken = jwt.sign({ sub }, env.JWT_SECRET, { expiresIn: '15m' });
  const refreshToken = jwt.sign({ sub }, env.JWT_SECRET, { expiresIn: '7d' }); // expect: shared-secret
  return { accessToken, refreshToken };
}

// Near-miss: separate secrets.
export function issueSeparate(sub: string) {
  const accessToken = jwt.sign({ sub }, env.JWT_SECRET, { expiresIn: '15m' });
  const refreshToken = jwt.sign({ sub }, env.REFRESH_SECRET, { expiresIn: '7d' });
  return { accessToken, refreshToken };
}

// The same env read written as a template is the same key.
export function issueTemplated(sub: string) {
  const accessToken = jwt.sign({ sub }, `${process.env.SESSION_KEY}`, { expiresIn: '15m' });
  const refreshToken = jwt.sign({ sub }, process.env.SESSION_KEY as string, { expiresIn: '30d' }); // expect: shared-secret
  return { accessToken, refreshToken };
}
