import { jwtVerify, importSPKI } from 'jose';

export async function check(t: string) {
  const key = await importSPKI(process.env.JWT_PUBLIC_KEY as string, 'RS256');
  return jwtVerify(t, key, { algorithms: ['RS256'] });
}
