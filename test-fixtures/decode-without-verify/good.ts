import { jwtDecode } from 'jwt-decode';
import { useEffect, useState } from 'react';

// Browser code reading claims for display and expiry.
export function useUser(token: string) {
  const [name, setName] = useState('');
  useEffect(() => {
    const claims = jwtDecode<{ name: string; role: string; exp: number }>(token);
    if (claims.role === 'admin') setName(`${claims.name} (admin)`);
  }, [token]);
  return name;
}
