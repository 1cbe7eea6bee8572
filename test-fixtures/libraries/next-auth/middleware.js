import { getToken } from 'next-auth/jwt';
export async function middleware(req) {
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  return token ? null : Response.redirect('/login');
}
