import { NextResponse, type NextRequest } from 'next/server';
import { jwtDecode } from 'jwt-decode';
import { canManage } from './utils/roles';

type Claims = { membership: { role_id: number } };

// The middleware gates every page on a nested claim passed to an authorisation check.
export function middleware(req: NextRequest) {
  const cookie = req.cookies.get('jwt');
  const { membership: { role_id } } = jwtDecode<Claims>(cookie?.value ?? ''); // expect: decode-without-verify
  if (!cookie || !canManage(role_id)) return NextResponse.redirect(new URL('/login', req.url));
  return NextResponse.next();
}

export const config = { matcher: ['/staff/:path*'] };
