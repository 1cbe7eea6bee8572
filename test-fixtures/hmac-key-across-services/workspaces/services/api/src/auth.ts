import jwt from 'jsonwebtoken';

// Another service verifying with the issuer's HMAC secret could mint its tokens.
export const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET as string, { algorithms: ['HS256'] }); // expect: hmac-key-across-services
