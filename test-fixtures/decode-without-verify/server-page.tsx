import jwt from 'jsonwebtoken';
import type { GetServerSidePropsContext } from 'next';

// A .tsx page that imports jsonwebtoken runs this part on the server.
export async function getServerSideProps(ctx: GetServerSidePropsContext) {
  const claims = jwt.decode(ctx.req.cookies.session ?? '') as { roles?: string[] } | null; // expect: decode-without-verify
  if (!claims?.roles?.includes('editor')) return { redirect: { destination: '/', permanent: false } };
  return { props: {} };
}

export default function Editor() {
  return <main>Editor</main>;
}
