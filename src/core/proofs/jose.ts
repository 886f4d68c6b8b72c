/**
 * The two functions of jose the VC-JWT check uses, in a module of their own: ./vc-jwt.ts imports it only for a token
 * the plain check (../crypto/jws.ts) does not settle, and a bundler keeps just these parts of jose in its chunk.
 */
export { compactVerify, importJWK } from 'jose';
