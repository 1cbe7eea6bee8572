import decodeToken from 'jwt-decode';
import { NextResponse } from 'next/server';

// Near-miss: a signed-in visitor is only sent away from the guest pages.
export default function middleware(req) {
  if (!req.cookies.session) return NextResponse.next();
  const payload = decodeToken(req.cookies.session);
  return payload?.user?.id ? NextResponse.redirect('/home') : NextResponse.next();
}
