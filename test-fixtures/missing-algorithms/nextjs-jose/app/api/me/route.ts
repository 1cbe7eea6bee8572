import { cookies } from 'next/headers';
import { verifyToken } from '../../../lib/auth';

export async function GET() {
  const token = (await cookies()).get('session')?.value;
  if (!token) return new Response(null, { status: 401 });
  return Response.json(await verifyToken(token));
}
