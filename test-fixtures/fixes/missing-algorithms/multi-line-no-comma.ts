// A multi-line object without a trailing comma keeps its style.
import * as jwt from 'jsonwebtoken';

export const sign = (id: string) =>
  jwt.sign({ sub: id }, process.env.MA_NOCOMMA_SECRET!, { expiresIn: '10m' });

export const check = (token: string) =>
  jwt.verify(token, process.env.MA_NOCOMMA_SECRET!, { // expect: missing-algorithms
    audience: 'api'
  });
