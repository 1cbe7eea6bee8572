// Near-miss: `cookies` is the module above, whose third argument is a number of days; an
// options object there would break it, and scripts cannot make a cookie httpOnly anyway.
import * as cookies from './cookie';
import Cookies from 'js-cookie';

export function remember(token) {
  cookies.set('token', token);
  Cookies.set('token', token, { expires: 1 });
}
