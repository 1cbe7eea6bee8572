import jwt from 'jsonwebtoken';

// A base64 literal decoded to a key is still a secret written in the code, converted to
// text or not.
const secret = Buffer.from('c3VwZXItc2VjcmV0LXNpZ25pbmcta2V5LTIwMjQtcHJvZA==', 'base64');
export const issue = (sub: string) => jwt.sign({ sub }, secret, { expiresIn: '15m' }); // expect: hardcoded-secret
export const check = (t: string) =>
  jwt.verify(t, Buffer.from('c3VwZXItc2VjcmV0LXNpZ25pbmcta2V5LTIwMjQtcHJvZA==', 'base64').toString('utf8'), { algorithms: ['HS256'] }); // expect: hardcoded-secret

// A private key written in base64 in the code.
const signingKey = Buffer.from('LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ2p3dGxpbnQwZml4dHVyZTBvbmx5MDAKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo=', 'base64').toString('ascii');
export const issueEs = (sub: string) => jwt.sign({ sub }, signingKey, { algorithm: 'ES256', expiresIn: '15m' }); // expect: hardcoded-secret

// The fallback of a variable whose newlines are restored.
export const checkFallback = (t: string) =>
  jwt.verify(t, (process.env.JWT_SECRET || 'local-fallback-0e1f9a7c3b5d4f2a81c6e0d9b7a53f12').replace(/\\n/g, '\n'), { algorithms: ['HS256'] }); // expect: hardcoded-secret
