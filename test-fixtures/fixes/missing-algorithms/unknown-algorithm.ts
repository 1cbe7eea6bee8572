// Near miss: the sign's algorithm cannot be resolved; no fix.
import jwt from 'jsonwebtoken';

const alg = process.env.MA_UNKNOWN_ALG as jwt.Algorithm;

export const sign = (id: string) =>
  jwt.sign({ sub: id }, process.env.MA_UNKNOWN_SECRET!, { algorithm: alg, expiresIn: '5m' });
export const check = (token: string) => jwt.verify(token, process.env.MA_UNKNOWN_SECRET!); // expect: missing-algorithms
