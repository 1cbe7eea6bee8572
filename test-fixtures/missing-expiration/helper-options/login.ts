import { createToken } from './jwt';

// Known miss: options-derived facts (expiry from `options.expiresIn`) are not re-derived
// at helper call sites, so a call without options is not seen to sign a token that never expires.
export const login = (userId: string) => createToken({ userId }, process.env.APP_SECRET as string); // todo-expect: missing-expiration
