import jwt from 'jsonwebtoken';

// A block of every rule, ended for one rule only: still open for the others.
/* jwtlint-disable */
export const a = (t: string) => jwt.verify(t, process.env.JWT_SECRET as string);
/* jwtlint-enable hardcoded-secret */
export const b = (t: string) => jwt.verify(t, process.env.JWT_SECRET as string);
/* jwtlint-enable */

export const c = (t: string) =>
  jwt.verify(t, process.env.JWT_SECRET as string, { algorithms: ['HS256'] });
