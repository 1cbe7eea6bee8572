const axios = require('axios');

const api = axios.create({
  headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtcmVwb3J0cyIsInJvbGUiOiJhZG1pbiJ9.Q2hhbmdlZFNpZ25hdHVyZUJ5dGVzMDE' }, // expect: hardcoded-token
});

module.exports = { api, adminToken: "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJjaS1ib3QiLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJlLXRoYXQtaXMtbm90LXJlYWw" }; // expect: hardcoded-token
