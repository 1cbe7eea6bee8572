import { jwtVerify, createRemoteJWKSet } from 'jose';
import * as jwt from 'jsonwebtoken';

const JWKS = createRemoteJWKSet(new URL('https://auth.example.com/.well-known/jwks.json'));

export async function verifyAccess(token: string) {
  const { payload } = await jwtVerify(token, JWKS, {
    algorithms: ['RS256'],
    issuer: 'https://auth.example.com/',
  });
  return payload;
}

const verifyOptions: jwt.VerifyOptions = { algorithms: ['HS256'] };
export function verifyLocal(token: string) {
  return jwt.verify(token, process.env.JWT_SECRET!, verifyOptions);
}

// A class method named verify on something that is not a JWT library.
class Checker {
  verify(token: string) {
    return token.startsWith('ey');
  }
}
new Checker().verify('eyJ');
