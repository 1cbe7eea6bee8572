import njwt from 'njwt';
export const v = (t: string) => njwt.verify(t, '', 'HS256'); // expect: falsy-verify-key
