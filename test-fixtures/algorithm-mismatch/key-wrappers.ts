import jwt from 'jsonwebtoken';

// Keys kept on one line of an env file, their newlines restored (`!`, `?.`, replaceAll):
// the private and public halves still pair by their names.
const privateKey = process.env.JWT_PRIVATE_KEY!.replace(/\\n/g, '\n');
export const issue = (sub: string) => jwt.sign({ sub }, privateKey, { algorithm: 'RS256', expiresIn: '15m' });
export const check = (t: string) =>
  jwt.verify(t, process.env.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n'), { algorithms: ['ES256'] }); // expect: algorithm-mismatch

// Base64-encoded keys decoded to text.
const accessPrivate = Buffer.from(process.env.ACCESS_PRIVATE_KEY as string, 'base64').toString('ascii');
const accessPublic = Buffer.from(process.env.ACCESS_PUBLIC_KEY!, 'base64').toString('utf8');
export const issueAccess = (sub: string) => jwt.sign({ sub }, accessPrivate, { algorithm: 'ES256', expiresIn: '15m' });
export const checkAccess = (t: string) => jwt.verify(t, accessPublic, { algorithms: ['RS256'] }); // expect: algorithm-mismatch

// String(), trim(), a template and replaceAll keep the variable.
const refreshPrivate = String(process.env.REFRESH_PRIVATE_KEY).trim();
export const issueRefresh = (sub: string) => jwt.sign({ sub }, `${refreshPrivate}`, { algorithm: 'PS256', expiresIn: '7d' });
export const checkRefresh = (t: string) =>
  jwt.verify(t, process.env.REFRESH_PUBLIC_KEY!.replaceAll('\\n', '\n'), { algorithms: ['ES384'] }); // expect: algorithm-mismatch

// Near-miss: the same wrappers, and the allowlist holds the issuer's algorithm.
const servicePrivate = Buffer.from(process.env.SERVICE_PRIVATE_KEY ?? '', 'base64').toString();
export const issueService = (sub: string) => jwt.sign({ sub }, servicePrivate, { algorithm: 'RS512', expiresIn: '5m' });
export const checkService = (t: string) =>
  jwt.verify(t, Buffer.from(process.env.SERVICE_PUBLIC_KEY ?? '', 'base64').toString(), { algorithms: ['RS512'] });

// Near-miss: a split is no conversion; which key the verifier holds is not known.
export const issueRotated = (sub: string) => jwt.sign({ sub }, process.env.ROTATED_PRIVATE_KEY!.replace(/\\n/g, '\n'), { algorithm: 'RS256', expiresIn: '15m' });
export const checkRotated = (t: string) => jwt.verify(t, process.env.ROTATED_PUBLIC_KEY!.split(',')[0], { algorithms: ['ES256'] });
