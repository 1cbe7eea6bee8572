import * as jose from 'jose';
import { SignJWT } from 'jose';
import jwt from 'jsonwebtoken';

const secret = new TextEncoder().encode(process.env.AUTH_SECRET);

export async function createSession(userId: string) {
  return await new SignJWT({ userId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .sign(secret); // expect: missing-expiration
}

export async function createApiKey(orgId: string) {
  return new jose.SignJWT({ org: orgId }).setProtectedHeader({ alg: 'HS256' }).sign(secret); // expect: missing-expiration
}

export function createInvite(email: string) {
  const payload = { email, purpose: 'invite' };
  return jwt.sign(payload, process.env.INVITE_SECRET as string, { algorithm: 'HS256' }); // expect: missing-expiration
}
