import jwt from 'jsonwebtoken';

// The caller's data goes under a key of the payload.
export const signData = (data) =>
  jwt.sign({ exp: Math.floor(Date.now() / 1000) + 15 * 60, data }, process.env.JWT_SECRET);
