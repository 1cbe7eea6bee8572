import NextAuth, { type NextAuthOptions } from 'next-auth';
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET ?? 'next-auth-dev-secret', // expect: hardcoded-secret, weak-secret
  session: { strategy: 'jwt' },
  providers: [],
};
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
