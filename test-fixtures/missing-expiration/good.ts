import { SignJWT } from 'jose';

const secret = new TextEncoder().encode(process.env.AUTH_SECRET);

export async function createSession(userId: string) {
  return new SignJWT({ userId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(secret);
}

// A builder kept in a variable and finished elsewhere cannot be judged.
export function builder(userId: string) {
  return new SignJWT({ userId }).setProtectedHeader({ alg: 'HS256' });
}

// exp set in the payload itself.
export async function createShort(userId: string) {
  const exp = Math.floor(Date.now() / 1000) + 300;
  return new SignJWT({ userId, exp }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
}
