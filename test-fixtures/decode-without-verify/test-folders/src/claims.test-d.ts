import { decodeJwt } from 'jose';
import { expectTypeOf } from 'vitest';

const { scope } = decodeJwt('x');
expectTypeOf(scope).toBeUnknown();
