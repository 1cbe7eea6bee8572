import { NextResponse } from 'next/server';
import { signToken } from '@/lib/auth';

export async function POST(req: Request) {
  const { email } = await req.json();
  const token = await signToken({ sub: email });
  const res = NextResponse.json({ ok: true, token });
  res.cookies.set('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  return res;
}
