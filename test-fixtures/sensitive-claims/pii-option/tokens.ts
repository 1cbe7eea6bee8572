import jwt from 'jsonwebtoken';

export const issue = (u: { id: string; email: string }) =>
  jwt.sign({ sub: u.id, email: u.email }, process.env.JWT_SECRET as string, { expiresIn: '15m' }); // expect: sensitive-claims
