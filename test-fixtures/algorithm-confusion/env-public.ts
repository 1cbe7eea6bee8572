import jwt from 'jsonwebtoken';

export const hmac = (t: string) => jwt.verify(t, process.env.JWT_PUBLIC_KEY as string, { algorithms: ['HS256'] }); // expect: algorithm-confusion
// Near-miss: the public key with its own family.
export const rsa = (t: string) => jwt.verify(t, process.env.JWT_PUBLIC_KEY as string, { algorithms: ['RS256'] });
