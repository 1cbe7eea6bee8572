// The api service accepts the auth service's access tokens: same secret, an algorithm
// allowlist, and the audience and issuer the auth service sets.
import jwt from 'jsonwebtoken';

export function authenticate(accessToken: string) {
  return jwt.verify(accessToken, process.env.JWT_SECRET as string, { // expect: hmac-key-across-services
    algorithms: ['HS256'],
    audience: 'shop-api',
    issuer: 'shop-auth',
  });
}
