import { UnsecuredJWT } from 'jose';
import * as jose from 'jose';

export const make = (sub: string) => new UnsecuredJWT({ sub }).setExpirationTime('1h').encode(); // expect: none-algorithm
export const read = (t: string) => jose.UnsecuredJWT.decode(t); // expect: none-algorithm
