import jwt from 'jsonwebtoken';
import { issue } from '../src/auth';

// A test (linted with --include-tests): claims compared in expectations decide nothing.
describe('issue', () => {
  it('signs the role in', () => {
    const claims = jwt.decode(issue({ id: 1, role: 'admin' })) as { role: string };
    expect(claims.role).toBe('admin');
    expect(jwt.decode(issue({ id: 2, role: 'user' }))).toMatchObject({ role: 'user' });
  });
});
