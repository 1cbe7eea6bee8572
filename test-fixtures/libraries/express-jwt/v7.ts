import { expressjwt } from 'express-jwt';
export const auth = expressjwt({ secret: process.env.S as string, algorithms: ['HS256'], ignoreExpiration: true }); // expect: ignore-expiration
