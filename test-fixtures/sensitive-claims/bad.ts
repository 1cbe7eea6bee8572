import { SignJWT } from 'jose';
import jwt from 'jsonwebtoken';

const key = new TextEncoder().encode(process.env.JWT_SECRET);
declare const db: { user: { findUnique(q: object): Promise<object> } };

export const issue = (u: { id: string; apiKey: string }) =>
  new SignJWT({ sub: u.id, api_key: u.apiKey }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(key); // expect: sensitive-claims

// A parameter is judged by what callers pass, not by its name.
export const issueForUser = (currentUser: object) => jwt.sign(currentUser, process.env.JWT_SECRET as string, { expiresIn: '15m' });

export async function login(id: string) {
  const currentUser = await db.user.findUnique({ where: { id } });
  return issueForUser(currentUser); // expect: sensitive-claims
}

export const issueClaims = (id: string) => issueForUser({ sub: id });
