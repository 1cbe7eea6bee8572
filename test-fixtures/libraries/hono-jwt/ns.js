import * as honoJwt from 'hono/jwt';
export const s = (sub) => honoJwt.sign({ sub, exp: Math.floor(Date.now() / 1000) + 300 }, process.env.S, 'none'); // expect: none-algorithm
