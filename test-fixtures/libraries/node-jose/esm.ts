import nodeJose from 'node-jose';
export const verify = (keystore: unknown, t: string) => nodeJose.JWS.createVerify(keystore, { algorithms: ['RS256'] }).verify(t);
