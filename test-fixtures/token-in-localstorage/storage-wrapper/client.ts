import { setItem } from './storage';

export const AUTH_TOKEN = 'app.auth.token';

// Known miss: storage writes are not followed through wrapper functions yet.
export function setClientAuthToken(token: string) {
  setItem(AUTH_TOKEN, token); // todo-expect: token-in-localstorage
}
