// A fresh clone: no node_modules, so `@acme/config` resolves through the root
// package.json `workspaces`, by the member's package name.
export const authConfig = {
  signingSecret: 'workspace-package-signing-secret-0042',
  issuer: 'https://auth.acme.example',
};
