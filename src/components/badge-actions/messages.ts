/** The English strings of <vb-badge-actions> (the shared ones are in shared/i18n.ts; other languages load on demand). */
import { messages, type MessageKey } from '../shared/i18n.js';

export const EN_ACTIONS = {
  'actions.download': 'Download badge',
  'actions.downloadDetail': '“{name}”, an image with the credential inside',
  'actions.preparing': 'Preparing…',
  'actions.downloaded': 'Downloaded as {file}',
  'actions.downloadFailed': 'The badge could not be downloaded: {reason}',
  'actions.linkedin': 'Add to LinkedIn',
  'actions.linkedinDetail': '“{name}” to your profile (opens LinkedIn in a new tab)',
} as const;

/** A key of this element's strings or of the shared ones. */
export type ActionsKey = keyof typeof EN_ACTIONS | MessageKey;

/** The string for a key of this element or a shared key, in `lang`. */
export const msg = /* @__PURE__ */ messages(EN_ACTIONS);
