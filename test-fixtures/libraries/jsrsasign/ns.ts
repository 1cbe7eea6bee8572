import * as rs from 'jsrsasign';
export const verify = (t: string) => rs.KJUR.jws.JWS.verifyJWT(t, process.env.S as string, { verifyAt: 0 }); // expect: missing-algorithms
export const parse = (t: string) => rs.KJUR.jws.JWS.parse(t);
