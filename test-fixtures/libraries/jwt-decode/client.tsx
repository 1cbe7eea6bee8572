import jwt_decode from 'jwt-decode';
export function Name({ token }: { token: string }) {
  const claims = jwt_decode<{ name: string; role: string }>(token);
  return <span>{claims.role === 'admin' ? claims.name : ''}</span>;
}
