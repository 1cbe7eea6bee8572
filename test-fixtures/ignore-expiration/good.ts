import { jwtVerify } from 'jose';
import { createVerifier } from 'fast-jwt';

const key = new TextEncoder().encode(process.env.JWT_SECRET);
export const check = (t: string) => jwtVerify(t, key, { algorithms: ['HS256'], clockTolerance: '30s' });
// Exactly the bound is fine (300 000 ms).
export const verify = createVerifier({ key: async () => process.env.JWT_SECRET!, algorithms: ['HS256'], clockTolerance: 300000 });
