import jwt from 'jsonwebtoken';

export const check = (t: string) =>
  jwt.verify(t, process.env.JWT_SECRET as string, { algorithms: ['HS256'], issuer: 'shop-auth' }); // expect: claim-mismatch, hmac-key-across-services
