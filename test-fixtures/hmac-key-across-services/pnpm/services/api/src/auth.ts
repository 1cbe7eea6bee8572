import jwt from 'jsonwebtoken';

export const checkSession = (t: string) => jwt.verify(t, process.env.SESSION_SECRET as string, { algorithms: ['HS256'] }); // expect: hmac-key-across-services
// The public half of the auth service's private key: it cannot sign.
export const checkAccess = (t: string) => jwt.verify(t, process.env.JWT_PUBLIC_KEY as string, { algorithms: ['RS256'] });
export const checkService = (t: string) => jwt.verify(t, process.env.SERVICE_PUBLIC_KEY as string, { algorithms: ['RS256'] });
