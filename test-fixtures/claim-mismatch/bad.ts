import jwt from 'jsonwebtoken';

export const issue = (sub: string) =>
  jwt.sign({ sub, iss: 'accounts', aud: 'web' }, process.env.WEB_SECRET as string, { expiresIn: '15m' });
// The issuer sets `aud` and `iss`; this verifier checks neither.
export const check = (t: string) => jwt.verify(t, process.env.WEB_SECRET as string, { algorithms: ['HS256'] }); // expect: claim-mismatch
