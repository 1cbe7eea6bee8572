// On one line, the property goes with its comma.
import jwt from 'jsonwebtoken';

export const check = (token: string) =>
  jwt.verify(token, process.env.IE_SINGLE_SECRET!, { algorithms: ['HS256'], ignoreExpiration: true }); // expect: ignore-expiration
