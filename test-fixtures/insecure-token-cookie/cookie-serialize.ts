import { serialize } from 'cookie';
import type { NextApiRequest, NextApiResponse } from 'next';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = req.body.sessionToken as string;
  res.setHeader('Set-Cookie', [
    serialize('session_token', session, { httpOnly: true, sameSite: 'lax', path: '/' }), // expect: insecure-token-cookie
    serialize('seen', '1', { path: '/' }),
  ]);
  res.status(200).end();
}

export function safe(req: NextApiRequest, res: NextApiResponse) {
  const session = req.body.sessionToken as string;
  res.setHeader('Set-Cookie', serialize('session_token', session, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' }));
  res.status(200).end();
}
