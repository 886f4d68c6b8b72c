/** The English strings of <vb-verify-button> and its dialog (the shared ones are in shared/i18n.ts; other languages load on demand). */
import { messages, type MessageKey } from '../shared/i18n.js';

export const EN_DIALOG = {
  'outcome.passed': 'passed',
  'outcome.failed': 'failed',
  'outcome.indeterminate': 'could not check',
  'outcome.skipped': 'skipped',
  'button.verify': 'Verify',
  'button.verifyAgain': 'Verify again',
  'button.close': 'Close',
  'button.details': 'Details',
  'dialog.title': 'Verification of {name}',
  'dialog.checkedAt': 'Checked at {date}',
  'dialog.signedBy': 'Signed with key {key}, controlled by {controller}',
  'dialog.viewCredential': 'View credential',
  'dialog.check': 'Check',
  'dialog.outcome': 'Outcome',
  'dialog.code': 'Code',
  'dialog.message': 'Message',
  'button.unavailable': 'Nothing to verify: there is no badge with the id “{id}” on this page',
  'button.noSource': 'Nothing to verify: no badge was given',
  'progress.title': 'Progress',
  'progress.done': 'done',
  'progress.current': 'in progress',
  'progress.pending': 'waiting',
  'checkLabel.format': 'Format',
  'checkLabel.signature': 'Signature and issuer key',
  'checkLabel.validity': 'Dates',
  'checkLabel.status': 'Revocation status',
  'checkLabel.schema': 'Schema',
  'dialog.checks': 'Checks',
  'dialog.titlePending': 'Verification',
  'dialog.signer': 'Signed by',
  'dialog.key': 'Key',
  'dialog.controller': 'Controller',
  'dialog.proof': 'Proof',
  'dialog.noSigner': 'No key was verified as the signer',
  'dialog.nested': 'Transcript: {verified} of {total} credentials verified, {failed} not valid, {indeterminate} could not be checked',
} as const;

/** A key of this element's strings or of the shared ones. */
export type DialogKey = keyof typeof EN_DIALOG | MessageKey;

/** The string for a key of this element or a shared key, in `lang`. */
export const msg = /* @__PURE__ */ messages(EN_DIALOG);
