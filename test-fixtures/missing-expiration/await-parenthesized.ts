import { SignJWT } from 'jose';

const key = new TextEncoder().encode(process.env.SESSION_SECRET);

// The builder in parentheses under `await` is still one chain.
export async function mint(sub: string) {
  return await (new SignJWT({ sub })).setProtectedHeader({ alg: 'HS256' }).sign(key); // expect: missing-expiration
}

export async function mintShort(sub: string) {
  return await (new SignJWT({ sub })).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('15m').sign(key);
}

// Claims from the caller may carry `exp`: not provably missing.
export async function mintClaims(claims: Record<string, unknown>) {
  return await (new SignJWT(claims)).setProtectedHeader({ alg: 'HS256' }).sign(key);
}
