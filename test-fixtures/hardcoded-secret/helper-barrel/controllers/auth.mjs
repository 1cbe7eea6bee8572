// No trigger word here either: reached through the barrel.
import { createToken, formatDate } from '../utils/index.mjs';

export const login = (user) => ({
  token: createToken({ id: user.id }, 'barrel-helper-literal-secret-000001'), // expect: hardcoded-secret
  at: formatDate(new Date()),
});
