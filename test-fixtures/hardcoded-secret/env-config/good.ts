import jwt from 'jsonwebtoken';
import env from './config/env';
import { env as named } from './config/env.js';

export const issue = (sub: string) => jwt.sign({ sub }, env.jwtSecret, { expiresIn: '15m' });
export const refresh = (sub: string) => jwt.sign({ sub }, named.refreshSecret, { expiresIn: '7d' });
