import { sign } from 'jsonwebtoken';
import { settings } from './settings';

export function pair(sub: string) {
  const accessToken = sign({ sub }, settings.accessSecret, { expiresIn: '10m' });
  const refreshToken = sign({ sub }, settings.refreshSecret, { expiresIn: '10d' });
  return { accessToken, refreshToken };
}
