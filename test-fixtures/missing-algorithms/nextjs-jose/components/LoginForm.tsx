'use client';
import { useState } from 'react';
import { AUTH_TOKEN } from '@/lib/storage-keys';

export default function LoginForm() {
  const [email, setEmail] = useState('');
  async function onSubmit() {
    const res = await fetch('/api/login', { method: 'POST', body: JSON.stringify({ email }) });
    const data = await res.json();
    window.localStorage.setItem(AUTH_TOKEN, data.jwt); {/* expect: token-in-localstorage */}
  }
  return <button onClick={onSubmit}>{email}</button>;
}
