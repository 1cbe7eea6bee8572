import jwt from 'jsonwebtoken';

type Claims = { sub: string; tenant: string };
export const issue = (claims: Claims) => jwt.sign({ ...claims }, process.env.JWT_SECRET as string, { expiresIn: '15m' });
// Reading a user's id is fine.
export const forUser = (user: { id: string }) => jwt.sign({ sub: user.id }, process.env.JWT_SECRET as string, { expiresIn: '15m' });
