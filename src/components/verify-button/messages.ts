/**
 * The English strings of <vb-verify-button> itself (the shared ones are in shared/i18n.ts, the report's in
 * report-messages.ts; other languages load on demand).
 */
import { messages, type MessageKey } from '../shared/i18n.js';

export const EN_BUTTON = {
  'button.verify': 'Verify',
  'button.unavailable': 'Nothing to verify: there is no badge with the id “{id}” on this page',
  'button.noSource': 'Nothing to verify: no badge was given',
} as const;

/** A key of the button's strings or of the shared ones. */
export type ButtonKey = keyof typeof EN_BUTTON | MessageKey;

/** The string for a key of the button or a shared key, in `lang`. */
export const msg = /* @__PURE__ */ messages(EN_BUTTON);
