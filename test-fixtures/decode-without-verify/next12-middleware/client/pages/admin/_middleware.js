import decodeToken from 'jwt-decode';
import { NextResponse } from 'next/server';

// Next 12 middleware runs on the server, even under client/: it admits admins on a claim.
export default function middleware(req) {
  if (!req.cookies.session) return NextResponse.redirect('/login');
  const payload = decodeToken(req.cookies.session); // expect: decode-without-verify
  if (payload?.user?.role === 'admin') return NextResponse.next();
  return NextResponse.redirect('/');
}
