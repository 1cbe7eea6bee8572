// jose: the algorithm comes from the protected header the project signs with.
import { SignJWT, jwtVerify } from 'jose';

const key = new TextEncoder().encode(process.env.MA_JOSE_SECRET);

export async function issue(id: string) {
  return new SignJWT({ sub: id }).setProtectedHeader({ alg: 'HS512' }).setExpirationTime('15m').sign(key);
}

export async function check(token: string) {
  return jwtVerify(token, key); // expect: missing-algorithms
}
