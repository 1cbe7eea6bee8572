import jwt from 'jsonwebtoken';
import { grant, authorize, can, cancel } from './acl';

export function upload(token: string) {
  const c = jwt.decode(token) as { sub: string }; // expect: decode-without-verify
  return grant(c.sub, 'upload');
}

export function admin(token: string) {
  const claims = jwt.decode(token); // expect: decode-without-verify
  authorize(claims, 'admin');
}

export const mayEdit = (token: string) => can(jwt.decode(token), 'edit'); // expect: decode-without-verify

// Near-miss: a name that only starts like one.
export function stop(token: string) {
  const c = jwt.decode(token) as { sub: string };
  return cancel(c.sub);
}
