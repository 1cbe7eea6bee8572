import jwt from 'jsonwebtoken';

const publicKey = process.env.JWT_PUBLIC_KEY as string;

// The issuer of the matching private key sets the audience "acme-api".
export const check = (t: string) =>
  jwt.verify(t, publicKey, { algorithms: ['RS256'], audience: 'acme-web', issuer: 'acme-auth' }); // expect: claim-mismatch
export const checkOk = (t: string) =>
  jwt.verify(t, publicKey, { algorithms: ['RS256'], audience: 'acme-api', issuer: 'acme-auth' });
// A key no issuer in the project signs with: a third party's tokens.
export const checkPartner = (t: string) =>
  jwt.verify(t, process.env.PARTNER_PUBLIC_KEY as string, { algorithms: ['RS256'], audience: 'partner' });
