import type { SignOptions, VerifyOptions, Algorithm } from 'jsonwebtoken';

export const verifyOptions: VerifyOptions = { issuer: 'auth.example.com', audience: 'api' };
export const strictVerifyOptions: VerifyOptions = { ...verifyOptions, algorithms: ['HS256'] as Algorithm[] };
export const signOptions: SignOptions = { expiresIn: '15m', algorithm: 'HS256' };
