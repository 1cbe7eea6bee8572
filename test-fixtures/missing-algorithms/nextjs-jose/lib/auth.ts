import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

const secret = new TextEncoder().encode(process.env.JWT_SECRET ?? 'nextjs-development-secret-key-1234');

export async function signToken(payload: JWTPayload) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(secret); // expect: hardcoded-secret
}

export async function verifyToken(token: string) {
  const { payload } = await jwtVerify(token, secret); // expect: missing-algorithms, hardcoded-secret
  return payload;
}

export async function verifyStrict(token: string) {
  return (await jwtVerify(token, secret, { algorithms: ['HS256'] })).payload; // expect: hardcoded-secret
}
