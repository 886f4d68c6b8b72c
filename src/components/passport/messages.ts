/** The English strings of <vb-passport> (the shared ones are in shared/i18n.ts; other languages load on demand). */
import { messages, type MessageKey } from '../shared/i18n.js';

export const EN_PASSPORT = {
  'passport.summary.verified': '{count} verified',
  'passport.summary.expired': '{count} expired',
  'passport.summary.revoked': '{count} revoked',
  'passport.summary.suspended': '{count} suspended',
  'passport.summary.failed': '{count} not valid',
  'passport.summary.indeterminate': '{count} could not be checked',
  'passport.summary.verifying': '{count} verifying',
  'passport.skills': 'Skills',
  'passport.skillBacking': '{count} verified badges',
  'passport.skillBackingOne': '1 verified badge',
  'passport.filter': 'Filter by skill',
  'passport.allSkills': 'All skills',
  'passport.sort': 'Sort by',
  'passport.sortDate': 'Date',
  'passport.sortName': 'Name',
  'passport.empty': 'No badges to show',
  'passport.loadError': 'The badge list could not be loaded: {reason}',
  'passport.loading': 'Loading badges…',
  'passport.badges': 'Badges',
  'passport.noMatch': 'No badge here shows this skill',
  'passport.error.insecure': 'only https addresses are loaded',
  'passport.error.network': 'the server could not be reached',
  'passport.error.http': 'the server answered with error {status}',
  'passport.error.timeout': 'the server took too long to answer',
  'passport.error.tooLarge': 'the list is too large',
  'passport.error.format': 'it is not a list of badges, a presentation or a transcript',
} as const;

/** A key of this element's strings or of the shared ones. */
export type PassportKey = keyof typeof EN_PASSPORT | MessageKey;

/** The string for a key of this element or a shared key, in `lang`. */
export const msg = /* @__PURE__ */ messages(EN_PASSPORT);
