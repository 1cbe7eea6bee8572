// The app's own cookie helper sets the token from a script: it can never be httpOnly, so
// it is reported (as a script-readable token), but with no fix: the helper's third
// argument is a number of days, not server options.
import * as cookies from './cookie';

export function remember(token) {
  cookies.set('token', token); // expect: insecure-token-cookie
}

export function rememberTheme(theme) {
  // Not a token: near-miss.
  cookies.set('theme', theme, 365);
}
