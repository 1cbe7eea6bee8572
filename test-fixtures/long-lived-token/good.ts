import { SignJWT } from 'jose';

const key = new TextEncoder().encode(process.env.SESSION_SECRET);
// An absolute timestamp, not a lifetime.
export const until = (sub: string, exp: number) =>
  new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(1767225600).sign(key);

export class RefreshTokenService {
  issue(sub: string) {
    return new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('14d').sign(key);
  }
}
