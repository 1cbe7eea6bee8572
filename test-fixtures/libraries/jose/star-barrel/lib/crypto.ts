export * from 'jose';
export const issuer = 'https://auth.example.com/';
