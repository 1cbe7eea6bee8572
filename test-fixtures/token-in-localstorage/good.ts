// A generic storage helper: nothing says what is stored.
export function save(key: string, value: string) {
  localStorage.setItem(key, value);
}

// The user object, without the token.
export function rememberUser(user: { name: string }) {
  localStorage.setItem('user', JSON.stringify(user));
}

// Storing the token in memory.
let accessToken: string | null = null;
export function setAccessToken(token: string) {
  accessToken = token;
}
export function getAccessToken() {
  return accessToken;
}
