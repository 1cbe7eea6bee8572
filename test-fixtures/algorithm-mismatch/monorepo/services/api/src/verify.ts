import jwt from 'jsonwebtoken';

// The auth service signs with HS384: this allowlist rejects all of its tokens.
export const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET as string, { algorithms: ['HS256'] }); // expect: algorithm-mismatch, hmac-key-across-services
