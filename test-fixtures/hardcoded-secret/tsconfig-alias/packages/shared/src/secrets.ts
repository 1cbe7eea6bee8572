export const SIGNING_SECRET = 'shared-package-signing-secret-0042';
export const PUBLIC_JWKS_URL = 'https://auth.example.com/.well-known/jwks.json';
