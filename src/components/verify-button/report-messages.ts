/** The English strings of <vb-verify-button>'s report (dialog.ts, loaded when the dialog first opens). */
import { messages, type MessageKey } from '../shared/i18n.js';

export const EN_REPORT = {
  'outcome.passed': 'passed',
  'outcome.failed': 'failed',
  'outcome.indeterminate': 'could not check',
  'outcome.skipped': 'skipped',
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

/** A key of the report's strings or of the shared ones. */
export type ReportKey = keyof typeof EN_REPORT | MessageKey;

/** The string for a key of the report or a shared key, in `lang`. */
export const msg = /* @__PURE__ */ messages(EN_REPORT);
