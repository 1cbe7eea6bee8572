import { jwtVerify, JWTVerifyOptions } from 'jose';

const key = new TextEncoder().encode(process.env.SESSION_SECRET);

// jose's options come from the caller: each call is judged with what it passes.
export async function readSession(token: string, options?: JWTVerifyOptions) {
  const { payload } = await jwtVerify(token, key, options);
  return payload;
}
