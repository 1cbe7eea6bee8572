import { createPublicKey } from 'crypto';
import { decode } from 'jwt-simple';

const pem = process.env.KEY_PEM as string;
const key = createPublicKey(pem);

export const verify = (t: string) => decode(t, key as unknown as string); // expect: missing-algorithms
export const verifyHmac = (t: string) => decode(t, 'a-long-enough-hmac-secret-from-config-0123456789'); // expect: hardcoded-secret
export const verifyPinned = (t: string) => decode(t, key as unknown as string, false, 'RS256');
