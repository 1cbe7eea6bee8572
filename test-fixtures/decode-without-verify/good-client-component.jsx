import jwt from 'jsonwebtoken';
import { useEffect, useState } from 'react';

// Near-miss: a bundled component decoding in the browser to show the role.
export default function Badge({ token }) {
  const [role, setRole] = useState('');
  useEffect(() => {
    const claims = jwt.decode(token);
    if (claims && claims.role === 'admin') setRole('Administrator');
  }, [token]);
  return <span>{role}</span>;
}
