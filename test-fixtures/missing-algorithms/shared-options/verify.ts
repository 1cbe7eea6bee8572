import jwt from 'jsonwebtoken';
import { verifyOptions, strictVerifyOptions, legacyVerifyOptions } from './config';
import * as cfg from './config/jwt';

export const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET!, verifyOptions); // expect: missing-algorithms
export const checkLegacy = (t: string) => jwt.verify(t, process.env.JWT_SECRET!, legacyVerifyOptions); // expect: missing-algorithms
export const checkStrict = (t: string) => jwt.verify(t, process.env.JWT_SECRET!, strictVerifyOptions);
export const checkNs = (t: string) => jwt.verify(t, process.env.JWT_SECRET!, cfg.strictVerifyOptions);
