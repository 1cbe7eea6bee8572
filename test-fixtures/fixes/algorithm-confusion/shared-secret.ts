// A secret the project signs with HS384: the public-key algorithms go.
import jwt from 'jsonwebtoken';

export const issue = (id: string) =>
  jwt.sign({ sub: id }, process.env.AC_SHARED_SECRET!, { algorithm: 'HS384', expiresIn: '5m' });

export const check = (token: string) =>
  jwt.verify(token, process.env.AC_SHARED_SECRET!, { algorithms: ['HS384', 'RS256'] }); // expect: algorithm-confusion
