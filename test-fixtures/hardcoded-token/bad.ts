export const SERVICE_TOKEN: string = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJjaS1ib3QiLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJlLXRoYXQtaXMtbm90LXJlYWw'; // expect: hardcoded-token

export async function report() {
  return fetch('/api/reports', { headers: { authorization: `Bearer ${SERVICE_TOKEN}` } });
}

export const fallback = process.env.TOKEN ?? 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtcmVwb3J0cyIsInJvbGUiOiJhZG1pbiJ9.Q2hhbmdlZFNpZ25hdHVyZUJ5dGVzMDE'; // expect: hardcoded-token
