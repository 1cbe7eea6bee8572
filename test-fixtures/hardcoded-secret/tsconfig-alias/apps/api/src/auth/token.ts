import jwt from 'jsonwebtoken';
import { SIGNING_SECRET } from '@acme/shared';
import config from '@/config';

export const issue = (sub: string) => jwt.sign({ sub }, SIGNING_SECRET, { expiresIn: '5m' }); // expect: hardcoded-secret
export const session = (sub: string) => jwt.sign({ sub }, config.session.secret, { expiresIn: '5m' }); // expect: hardcoded-secret, weak-secret
