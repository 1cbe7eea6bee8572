import { sign } from 'jsonwebtoken';

const config = {
  accessSecret: process.env.JWT_ACCESS_SECRET as string,
  refreshSecret: process.env.JWT_REFRESH_SECRET as string,
};

export function tokens(userId: string) {
  const accessToken = sign({ userId }, config.accessSecret, { expiresIn: '15m' });
  const refreshToken = sign({ userId }, config.refreshSecret, { expiresIn: '7d' });
  return { accessToken, refreshToken };
}

// An email token with the same lifetime as nothing else: no refresh token here.
export function emailToken(email: string) {
  return sign({ email }, process.env.EMAIL_SECRET as string, { expiresIn: '1d' });
}
