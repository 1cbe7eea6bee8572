import * as fastJwt from 'fast-jwt';
export const sign = fastJwt.createSigner({ key: 'fast', algorithm: 'HS256', expiresIn: 60000 }); // expect: hardcoded-secret, weak-secret
export const verify = fastJwt.createVerifier({ key: process.env.S, algorithms: ['HS256'], ignoreExpiration: true }); // expect: ignore-expiration
