/**
 * The table of codes, kept apart from result.ts (which re-exports it) so the verification pipeline does not carry
 * every code's description: a page that prints them imports `CODES`.
 */

/**
 * Stable codes, one per distinct reason. A page may branch on these; the `message` beside them is for people.
 * Documented in README.md ("Check ids and codes").
 */
export const CODES = {
  // any check
  ok: 'the check passed',
  'not-run': 'an earlier check failed, so this one did not run',
  'internal-error': 'the check could not run because of an unexpected error',
  aborted: 'verification was cancelled through the AbortSignal',
  // format
  'unsupported-input': 'the input is of a kind the core does not read (yet)',
  'unrecognised-input': 'the input is neither a URL, JSON, nor a known credential encoding',
  'insecure-url': 'the URL is not https (plain http only for localhost)',
  'fetch-failed': 'the credential could not be fetched (network error)',
  'http-error': 'the server answered with an error status',
  timeout: 'the request took longer than the timeout',
  'too-large': 'the input or response is larger than the size cap',
  'invalid-json': 'the text is not valid JSON',
  'not-json-data': 'the object is not plain JSON data (cycles, functions, shared references)',
  'too-deep': 'the JSON nests deeper than the depth cap',
  'not-a-credential': 'the JSON is not a verifiable credential',
  'invalid-image': 'the PNG or SVG is truncated, corrupt, or not what it claims to be',
  'no-baked-credential': 'the image carries no Open Badges 3.0 credential',
  'several-baked-credentials': 'the image carries more than one credential',
  'invalid-jwt': 'the compact JWS is malformed (header, payload or signature cannot be read)',
  'unknown-context': 'an @context is not one of the pinned contexts (it is never fetched)',
  'unsafe-context': 'an inline @context: it could give a property a second name the checks would not read',
  'unsafe-property': 'a key is a full or compact IRI or a JSON-LD keyword such as @nest or @graph: it could hide a property from the checks',
  'missing-issuer': 'the credential has no issuer id',
  'missing-subject': 'the credential has no credentialSubject',
  'invalid-jsonld': 'the credential does not process as JSON-LD in safe mode (undefined term, relative type, ...)',
  // signature
  'no-proof': 'the credential carries no proof',
  'unsupported-proof': 'no proof is of a type or cryptosuite the core verifies',
  'wrong-proof-purpose': 'the proof purpose is not assertionMethod',
  'invalid-signature': 'the signature does not match the credential',
  'key-not-found': 'the verification method could not be found or is not a usable key',
  'key-unreachable': 'the document holding the key could not be fetched',
  'unsupported-key-type': 'the key is of a type the core does not verify',
  'issuer-mismatch': 'the key is controlled by someone other than the issuer',
  'not-assertion-method': 'the key is not listed under the controller\'s assertionMethod',
  'disallowed-alg': 'the JWT algorithm is not allowed (none, HMAC) or does not match the key type',
  'claims-mismatch': 'the JWT claims (iss, sub, jti, nbf, exp) disagree with the credential',
  // validity
  'invalid-date': 'a date is missing or not an XML Schema dateTime',
  expired: 'the credential\'s validity ended',
  'not-yet-valid': 'the credential\'s validity has not started',
  // status / schema
  'no-status': 'the credential has no credentialStatus',
  'status-unsupported': 'the status entry is of a type this verifier does not check',
  revoked: 'the issuer has revoked the credential',
  suspended: 'the issuer has suspended the credential',
  'status-list-unreachable': 'the status list could not be fetched',
  'status-list-invalid': 'the status list is not a valid, verified list of the issuer (proof, dates, type, purpose, encoding)',
  'status-entry-invalid': 'the status entry is malformed (missing list URL, index out of range, bad status size)',
  'no-schema': 'the credential names no credentialSchema',
  'schema-unsupported': 'schema validation is not available for this schema',
  'schema-invalid': 'the credential does not match its JSON Schema',
} as const;
