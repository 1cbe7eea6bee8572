export const AUTH_TOKEN = 'next-auth-token';
