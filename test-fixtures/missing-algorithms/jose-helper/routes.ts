import { readSession } from './verify';

export async function me(token: string) {
  return readSession(token); // expect: missing-algorithms
}

export async function admin(token: string) {
  return readSession(token, { algorithms: ['HS256'], audience: 'admin' });
}

export async function passthrough(token: string, options: { algorithms: string[] }) {
  return readSession(token, options);
}
