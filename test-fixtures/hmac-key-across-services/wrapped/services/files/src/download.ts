import jwt from 'jsonwebtoken';
import path from 'path';
import { readFileSync } from 'fs';

// The issuer's files secret, through `?.trim()`.
export const checkFile = (t: string) => jwt.verify(t, process.env.FILES_SECRET?.trim() as string, { algorithms: ['HS256'] }); // expect: hmac-key-across-services

// Near-miss: a secret file whose folder is known only at run time.
export const checkUpload = (dir: string, t: string) =>
  jwt.verify(t, readFileSync(path.join(dir, 'upload.secret'), 'utf8'), { algorithms: ['HS256'] });
// Near-miss: its own secret.
export const checkLocal = (t: string) =>
  jwt.verify(t, process.env.LOCAL_FILES_SECRET!.replace(/\\n/g, '\n'), { algorithms: ['HS256'] });
