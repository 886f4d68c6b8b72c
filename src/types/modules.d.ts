// Ambient declarations for untyped dependencies (CommonJS or ESM without .d.ts).
// Pattern declarations ("*") are only used when TypeScript finds no typings of its own,
// so a package that starts shipping types (or an installed @types/*) takes precedence.

declare module 'jsonld';
declare module 'jsonld/*';
declare module 'jsonld-signatures';
declare module 'rdf-canonize';
declare module '@digitalbazaar/*';
declare module '@digitalcredentials/*';
declare module 'credentials-context';
declare module 'ed25519-signature-2020-context';
declare module '*-context';
