/**
 * The URLs of the pinned Open Badges 3.0 JSON Schemas, and which pinned file each stands for. No schema is ever
 * fetched: a `credentialSchema` entry naming any other URL is reported as not checked. Kept apart from the data and
 * the validator (`./index.ts`) so the schema check can decide whether to load them without loading them.
 * Where each URL comes from: `./data/SOURCES.md`.
 */

/** The `credentialSchema[].type` whose schemas the core validates. */
export const ONE_EDTECH_SCHEMA_VALIDATOR = '1EdTechJsonSchemaValidator2019';

export type SchemaName = 'AchievementCredential' | 'EndorsementCredential' | 'Profile';

const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/schema';

/** Every URL a credential may name for a pinned schema, to the schema it names. */
export const PINNED_SCHEMA_URLS: ReadonlyMap<string, SchemaName> = new Map<string, SchemaName>([
  // The URLs the specification tells issuers to name (and the spec examples and validator fixtures do).
  [`${OB}/json/ob_v3p0_achievementcredential_schema.json`, 'AchievementCredential'],
  [`${OB}/json/ob_v3p0_endorsementcredential_schema.json`, 'EndorsementCredential'],
  [`${OB}/json/ob_v3p0_profile_schema.json`, 'Profile'],
  // The `$id`s of the pinned files.
  [`${OB}/json/ob_v3p0_achievementcredential-jsonschema1.json`, 'AchievementCredential'],
  [`${OB}/json/ob_v3p0_endorsementcredential-jsonschema1.json`, 'EndorsementCredential'],
  [`${OB}/json/ob_v3p0_profile-jsonschema1.json`, 'Profile'],
  // The purl path of the published files themselves (docs/schema/<file> of the specification's site).
  [`${OB}/achievementcredential.json`, 'AchievementCredential'],
  [`${OB}/endorsementcredential.json`, 'EndorsementCredential'],
  [`${OB}/profile.json`, 'Profile'],
]);

/** The pinned schema a URL names, if any. */
export function pinnedSchemaName(url: string): SchemaName | undefined {
  return PINNED_SCHEMA_URLS.get(url);
}
