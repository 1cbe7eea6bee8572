import jwt from 'jsonwebtoken';

// The issuer sets no audience or issuer: nothing to compare.
export const issue = (sub: string) => jwt.sign({ sub }, process.env.PLAIN_SECRET as string, { expiresIn: '15m' });
export const check = (t: string) => jwt.verify(t, process.env.PLAIN_SECRET as string, { algorithms: ['HS256'] });
