import jwt from 'jsonwebtoken';

// Two key pairs: access tokens RS256, refresh tokens ES256.
export const issueAccess = (sub: string) =>
  jwt.sign({ sub }, process.env.ACCESS_TOKEN_PRIVATE_KEY as string, { algorithm: 'RS256', expiresIn: '15m' });
export const issueRefresh = (sub: string) =>
  jwt.sign({ sub }, process.env.REFRESH_TOKEN_PRIVATE_KEY as string, { algorithm: 'ES256', expiresIn: '7d' });
