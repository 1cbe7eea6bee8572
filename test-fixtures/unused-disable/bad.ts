import jwt from 'jsonwebtoken';

export function issue(userId: string): string {
  return jwt.sign({ sub: userId }, process.env.JWT_SECRET as string, { expiresIn: '1h' });
}

/* jwtlint-disable-line missing-expiration */ // expect: unused-disable

// Nothing in this file writes to localStorage.
/* jwtlint-disable-file token-in-localstorage */ // expect: unused-disable

// An unterminated block runs to the end of the file.
// jwtlint-disable missing-algorithms -- legacy clients, tracked in #12
export const check = (t: string) => jwt.verify(t, process.env.JWT_SECRET as string);

export const again = (t: string) => jwt.verify(t, process.env.JWT_SECRET as string);
