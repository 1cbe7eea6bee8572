import { useState } from 'react';

type AuthResponse = { accessToken: string; user: { name: string } };

export function LoginForm({ onDone }: { onDone: () => void }) {
  const [email, setEmail] = useState('');
  async function submit() {
    const res = await fetch('/api/login', { method: 'POST', body: JSON.stringify({ email }) });
    const body = (await res.json()) as AuthResponse;
    localStorage.setItem('user', body.accessToken); // expect: token-in-localstorage
    onDone();
  }
  return (
    <form onSubmit={submit}>
      <input value={email} onChange={(e) => setEmail(e.target.value)} />
    </form>
  );
}
