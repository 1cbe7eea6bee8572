import jwt from 'jsonwebtoken';

export async function getServerSideProps({ req }) {
  const claims = jwt.decode(req.cookies.session || ''); // expect: decode-without-verify
  if (!claims || !claims.isAdmin) return { notFound: true };
  return { props: { name: claims.name } };
}

export default function Admin({ name }) {
  return <h1>{name}</h1>;
}
