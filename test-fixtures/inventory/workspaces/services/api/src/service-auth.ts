// Calls from other services carry a token signed with the auth service's private key.
import jwt from 'jsonwebtoken';

export const authenticateService = (token: string) =>
  jwt.verify(token, process.env.SERVICE_TOKEN_PUBLIC_KEY as string, { algorithms: ['ES256'] });
