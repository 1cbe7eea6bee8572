// jose: `.setExpirationTime` goes before `.sign`, on a line of its own as the chain is.
import { SignJWT } from 'jose';

const key = new TextEncoder().encode(process.env.ME_JOSE_SECRET);

export async function createSession(userId: string) {
  return new SignJWT({ sub: userId })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(key); // expect: missing-expiration
}
