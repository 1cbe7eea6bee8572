import jwt from 'jsonwebtoken';

// Each allows the algorithm its issuer is known to sign with, or its issuer's algorithm is
// not known: nothing to report.
export const checkOwn = (t: string) => jwt.verify(t, process.env.OWN_PUBLIC_KEY as string, { algorithms: ['ES256'] });
export const checkSplit = (t: string) => jwt.verify(t, process.env.SPLIT_PUBLIC_KEY as string, { algorithms: ['ES256'] });
export const checkVerifyOnly = (t: string) => jwt.verify(t, process.env.VERIFY_ONLY_PUBLIC_KEY as string, { algorithms: ['RS256'] });
