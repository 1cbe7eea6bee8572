import { cookies } from 'next/headers';
import type { FastifyReply } from 'fastify';

export async function POST(req: Request) {
  const { token } = await req.json();
  (await cookies()).set('auth-token', token, { httpOnly: true }); // expect: insecure-token-cookie
  return new Response(null, { status: 204 });
}

export function setTokens(reply: FastifyReply, accessToken: string) {
  reply.setCookie('access', accessToken, { path: '/', httpOnly: true, secure: true, sameSite: 'none' }); // expect: insecure-token-cookie
}
