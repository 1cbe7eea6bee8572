import { setItem } from './storage';

export const AUTH_TOKEN = 'app.auth.token';

// Storage writes are followed through wrapper functions: the caller says what is stored.
export function setClientAuthToken(token: string) {
  setItem(AUTH_TOKEN, token); // expect: token-in-localstorage
}

export function setTheme(theme: string) {
  setItem('ui.theme', theme);
}
