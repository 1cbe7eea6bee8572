import jwt from 'jsonwebtoken';

export function withRole(req: { user?: unknown }, token: string) {
  const claims = jwt.decode(token) as { role: string };
  if (claims.role === 'admin') req.user = claims;
}
