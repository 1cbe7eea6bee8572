import jwt from 'jsonwebtoken';

// Near the ambient case, but a real declaration that is never assigned: undefined.
let secret: string | undefined;
export const check = (t: string) => jwt.verify(t, secret as string, { algorithms: ['HS256'] }); // expect: falsy-verify-key
