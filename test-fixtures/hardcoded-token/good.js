// A JWT in a comment is documentation: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtcmVwb3J0cyIsInJvbGUiOiJhZG1pbiJ9.Q2hhbmdlZFNpZ25hdHVyZUJ5dGVzMDE
/* Example: Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJjaS1ib3QiLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJlLXRoYXQtaXMtbm90LXJlYWw */
const sample = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'; // the jwt.io sample token
const notAJwt = 'eyJhbGciOi.not-base64!.x';
module.exports = { sample, notAJwt, header: 'eyJ' };
