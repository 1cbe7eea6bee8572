import { jwtVerify, EmbeddedJWK, createRemoteJWKSet } from 'jose';
import * as jose from 'jose';

export const a = (t: string) => jwtVerify(t, EmbeddedJWK, { algorithms: ['ES256'] }); // expect: untrusted-key-source
export const b = (t: string) => jose.compactVerify(t, jose.EmbeddedJWK, { algorithms: ['ES256'] }); // expect: untrusted-key-source

export const c = (t: string) =>
  jwtVerify(
    t,
    async (protectedHeader) => {
      const { x5u } = protectedHeader;
      return createRemoteJWKSet(new URL(x5u as string))(protectedHeader); // expect: untrusted-key-source
    },
    { algorithms: ['RS256'] },
  );
