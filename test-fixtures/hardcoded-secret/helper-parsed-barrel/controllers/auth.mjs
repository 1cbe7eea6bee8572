// No trigger word here: the helper is reached through a barrel that is parsed for its
// own sake (it names the library in a comment).
import { createToken, formatDate } from '../utils/index.mjs';

export const login = (user) => ({
  token: createToken({ id: user.id }, 'orders-api-signing-key-2024-Q3-rotating'), // expect: hardcoded-secret
  at: formatDate(new Date()),
});
