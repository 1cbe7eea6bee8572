import jws from 'jws';

export const decode = (token: string) => jws.decode(token)?.payload;
