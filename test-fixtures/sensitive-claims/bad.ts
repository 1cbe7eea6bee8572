import { SignJWT } from 'jose';
import jwt from 'jsonwebtoken';

const key = new TextEncoder().encode(process.env.JWT_SECRET);

export const issue = (u: { id: string; apiKey: string }) =>
  new SignJWT({ sub: u.id, api_key: u.apiKey }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(key); // expect: sensitive-claims

export const issueForUser = (currentUser: object) => jwt.sign(currentUser, process.env.JWT_SECRET as string, { expiresIn: '15m' }); // expect: sensitive-claims
