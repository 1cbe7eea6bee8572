import { expressjwt as jwt } from 'express-jwt';

const base = { secret: process.env.JWT_SECRET as string, algorithms: ['HS256'] as const };
export const auth = jwt({ ...base, algorithms: ['HS256'] }); // expect: missing-revocation
