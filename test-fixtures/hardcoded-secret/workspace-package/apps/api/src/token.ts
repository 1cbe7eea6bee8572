import jwt from 'jsonwebtoken';
import { authConfig } from '@acme/config';
import { envConfig } from '@acme/config/src/env';

export const issue = (sub: string) =>
  jwt.sign({ sub }, authConfig.signingSecret, { algorithm: 'HS256', expiresIn: '5m' }); // expect: hardcoded-secret

export const fromEnv = (sub: string) =>
  jwt.sign({ sub }, envConfig.signingSecret, { algorithm: 'HS256', expiresIn: '5m' });
