import { SignJWT } from 'jose';

async function issue(sub: string, secret: string) {
  return new SignJWT({ sub })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}

export const a = () => issue('u1', 'same-file-helper-secret-literal-42'); // expect: hardcoded-secret
export const b = () => issue('u2', process.env.SESSION_SECRET as string);
