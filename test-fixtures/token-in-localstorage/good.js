// Reads and removals are fine.
export function currentToken() {
  return localStorage.getItem('token');
}
export function logout() {
  localStorage.removeItem('token');
  localStorage.removeItem('refreshToken');
}

// Data about a token is not the token.
export function remember(expiresAt, type) {
  localStorage.setItem('tokenExpiry', String(expiresAt));
  localStorage.setItem('token_type', type);
  localStorage.setItem('expiresAt', expiresAt);
}

// Non-token data.
export function preferences(theme, lang) {
  localStorage.setItem('theme', theme);
  localStorage.language = lang;
}

// Tokens that are not credentials.
export function push(fcmToken, csrfToken) {
  localStorage.setItem('fcmToken', fcmToken);
  sessionStorage.setItem('csrfToken', csrfToken);
}

// Clearing with a constant stores no token.
export function clear() {
  localStorage.setItem('token', '');
}

// A local object named localStorage is not the browser's.
function makeStore() {
  const localStorage = new Map();
  localStorage.setItem = (k, v) => localStorage.set(k, v);
  localStorage.setItem('token', 'x');
  return localStorage;
}
makeStore();

// The stored object's members that the function reads are not tokens.
export function rememberProfile(res) {
  if (res.data.profile.name) {
    localStorage.setItem('profile', JSON.stringify(res.data.profile));
  }
  localStorage.setItem('settings', JSON.stringify(res.data));
  return res.data.tokenType;
}
