import jwt from 'jsonwebtoken';
import { expectType } from 'tsd';

// Type tests compile and never run: not linted by default.
const claims = jwt.decode('x') as { role: string };
expectType<string>(claims.role);
export const role = (req: { user?: unknown }) => (req.user = jwt.decode('x'));
