import jwt from 'jsonwebtoken';

// No issuer of this key in the project: nothing to compare with.
export const checkPartner = (t: string) =>
  jwt.verify(t, process.env.PARTNER_PUBLIC_KEY as string, { algorithms: ['RS256', 'ES256'] });
// An allowlist that is not written out is not judged.
export const checkWith = (t: string, algorithms: jwt.Algorithm[]) =>
  jwt.verify(t, process.env.ACCESS_TOKEN_PUBLIC_KEY as string, { algorithms });
