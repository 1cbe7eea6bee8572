import jwt from 'jsonwebtoken';
import { jwtConfig } from './config/jwt.config';

// Two consuming calls, two findings, each at its own key argument.
export const issue = (sub: string) => jwt.sign({ sub }, jwtConfig.secret, jwtConfig.signOptions); // expect: hardcoded-secret
export const check = (t: string) => jwt.verify(t, jwtConfig.secret, { algorithms: ['HS256'] }); // expect: hardcoded-secret
