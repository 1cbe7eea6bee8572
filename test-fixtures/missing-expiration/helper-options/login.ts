import { createToken } from './jwt';

// Options-derived facts (expiry from `options.expiresIn`) are derived again at helper call
// sites: a call without options signs a token that never expires.
export const login = (userId: string) => createToken({ userId }, process.env.APP_SECRET as string); // expect: missing-expiration
export const loginWithExpiry = (userId: string) =>
  createToken({ userId }, process.env.APP_SECRET as string, { expiresIn: '15m' });
