import { NextResponse, type NextRequest } from 'next/server';
import { jwtVerify } from 'jose';

const key = new TextEncoder().encode(process.env.JWT_SECRET);

export async function middleware(req: NextRequest) {
  const token = req.cookies.get('access_token')?.value ?? '';
  await jwtVerify(token, key, { algorithms: ['HS256'] }); // expect: hmac-key-across-services
  return NextResponse.next();
}
