import NextAuth, { type NextAuthOptions } from 'next-auth';
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET ?? 'next-auth-dev-secret',
  session: { strategy: 'jwt' },
  providers: [],
};
const handler = NextAuth(authOptions); // expect: hardcoded-secret, weak-secret
export { handler as GET, handler as POST };

export const withCallbacks: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  providers: [],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.role = (user as { role?: string }).role;
        token.passwordHash = (user as { passwordHash?: string }).passwordHash; // expect: sensitive-claims
      }
      return token;
    },
  },
};
export const handler2 = NextAuth(withCallbacks);
