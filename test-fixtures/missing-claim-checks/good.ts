import { jwtVerify } from 'jose';

const key = new TextEncoder().encode(process.env.JWT_SECRET);
const claims = { issuer: 'https://auth.example.com/', audience: 'orders' };
export const check = (t: string) => jwtVerify(t, key, { algorithms: ['HS256'], ...claims });
