export * from './jwt';
export { verifyOptions as legacyVerifyOptions } from './jwt';
