import { jwtVerify, importSPKI } from 'jose';
import { execSync } from 'child_process';

export const a = (t: string) =>
  jwtVerify(
    t,
    async (protectedHeader) => {
      const pem = execSync(`vault read -field=key secret/jwt/${protectedHeader.kid}`).toString(); // expect: kid-injection
      return importSPKI(pem, 'RS256');
    },
    { algorithms: ['RS256'] },
  );

export const b = (t: string) =>
  jwtVerify(t, async (header) => (await import(`./keys/${header.kid}`)).default, { algorithms: ['RS256'] }); // expect: kid-injection
