import jwt from 'jsonwebtoken';

// Two pairs: the access tokens are for the api, the refresh tokens for the refresh endpoint.
export const issueAccess = (sub: string) =>
  jwt.sign({ sub }, process.env.ACCESS_TOKEN_PRIVATE_KEY as string, { algorithm: 'ES256', audience: 'api', issuer: 'shop', expiresIn: '15m' });
export const issueRefresh = (sub: string) =>
  jwt.sign({ sub }, process.env.REFRESH_TOKEN_PRIVATE_KEY as string, { algorithm: 'ES256', audience: 'refresh', issuer: 'shop', expiresIn: '7d' });
