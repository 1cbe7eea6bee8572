import jwt from 'jsonwebtoken';

// The same variable, read as text: this service can mint the issuer's tokens.
const secret = String(process.env.JWT_SECRET).trim();
export const check = (t: string) => jwt.verify(t, Buffer.from(secret, 'base64'), { algorithms: ['HS256'] }); // expect: hmac-key-across-services
