import jwt from 'koa-jwt';
export default jwt({ secret: 'koa', algorithms: ['HS256'] }); // expect: hardcoded-secret, weak-secret
