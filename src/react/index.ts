/**
 * verifiable-badges/react: React components for the four elements, made with `@lit/react`. Importing this module
 * registers `<vb-badge-card>`, `<vb-verify-button>`, `<vb-passport>` and `<vb-badge-actions>` (through define.ts), like
 * `verifiable-badges`.
 *
 * Every public property of an element is a prop (`credential`, `credentials`, `src`, `compact`, …; objects are set as
 * properties, not attributes), and the elements' events are typed props:
 *
 * | prop | event | detail |
 * | --- | --- | --- |
 * | `onVerifyStart` | `vb-verify-start` | `{ input }` |
 * | `onVerifyProgress` | `vb-verify-progress` | `{ step }` |
 * | `onVerifyEnd` | `vb-verify-end` | `{ result, state }` |
 * | `onPassportReady` | `vb-passport-ready` | `{ results, error? }` |
 * | `onBadgeDownload` | `vb-badge-download` | `{ fileName, format, size }` |
 *
 * ```tsx
 * import { VbBadgeCard, configure } from 'verifiable-badges/react';
 * configure({ trustedIssuers: ['did:web:badges.example.edu'] });
 * <VbBadgeCard credential={credential} onVerifyEnd={(e) => console.log(e.detail.result.verdict)} />
 * ```
 *
 * React is a peer dependency (17 or newer); this module imports `react` and nothing from `react-dom`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '../define.js';
import { VbBadgeCard as VbBadgeCardElement } from '../components/badge-card/badge-card.js';
import { VbVerifyButton as VbVerifyButtonElement } from '../components/verify-button/verify-button.js';
import { VbPassport as VbPassportElement, type VbPassportReadyDetail } from '../components/passport/passport.js';
import { VbBadgeActions as VbBadgeActionsElement, type VbBadgeDownloadDetail } from '../components/badge-actions/badge-actions.js';
import type { VbVerifyEndDetail, VbVerifyProgressDetail, VbVerifyStartDetail } from '../components/shared/events.js';

export { configure, type VerifierConfig } from '../components/shared/config.js';
export type { VerificationState } from '../components/shared/state.js';
export type { VbPassportReadyDetail } from '../components/passport/passport.js';
export type { VbBadgeDownloadDetail } from '../components/badge-actions/badge-actions.js';
export type { VbVerifyEndDetail, VbVerifyProgressDetail, VbVerifyStartDetail } from '../components/shared/events.js';
export type { BadgeView, Check, CredentialInput, VerificationResult, Verdict } from '../core/index.js';

/** The element classes, under other names: the React components below take the elements' own names. */
export { VbBadgeCardElement, VbVerifyButtonElement, VbPassportElement, VbBadgeActionsElement };

/** The verification events every element fires, as React props. */
const verifyEvents = {
  onVerifyStart: 'vb-verify-start' as EventName<CustomEvent<VbVerifyStartDetail>>,
  onVerifyProgress: 'vb-verify-progress' as EventName<CustomEvent<VbVerifyProgressDetail>>,
  onVerifyEnd: 'vb-verify-end' as EventName<CustomEvent<VbVerifyEndDetail>>,
};

/** `<vb-badge-card>`: a badge, verified in the browser. */
export const VbBadgeCard = createComponent({
  react: React,
  tagName: 'vb-badge-card',
  elementClass: VbBadgeCardElement,
  events: verifyEvents,
  displayName: 'VbBadgeCard',
});

/** `<vb-verify-button>`: verifies on click and lists every check in a dialog (`vb-verify-progress` is not fired). */
export const VbVerifyButton = createComponent({
  react: React,
  tagName: 'vb-verify-button',
  elementClass: VbVerifyButtonElement,
  events: {
    onVerifyStart: verifyEvents.onVerifyStart,
    onVerifyEnd: verifyEvents.onVerifyEnd,
  },
  displayName: 'VbVerifyButton',
});

/**
 * `<vb-passport>`: many badges with a summary and a skills overview. Its cards' verification events bubble through
 * it, so `onVerifyEnd` is called once per card.
 */
export const VbPassport = createComponent({
  react: React,
  tagName: 'vb-passport',
  elementClass: VbPassportElement,
  events: {
    ...verifyEvents,
    onPassportReady: 'vb-passport-ready' as EventName<CustomEvent<VbPassportReadyDetail>>,
  },
  displayName: 'VbPassport',
});

/**
 * `<vb-badge-actions>`: "Download badge" and "Add to LinkedIn" for a card; put it in the card's `actions` slot
 * (`slot="actions"`) or point at a card with `for`.
 */
export const VbBadgeActions = createComponent({
  react: React,
  tagName: 'vb-badge-actions',
  elementClass: VbBadgeActionsElement,
  events: {
    onBadgeDownload: 'vb-badge-download' as EventName<CustomEvent<VbBadgeDownloadDetail>>,
  },
  displayName: 'VbBadgeActions',
});

/** The props of each component (element properties, event props, HTML attributes, `ref`). */
export type VbBadgeCardProps = React.ComponentProps<typeof VbBadgeCard>;
export type VbVerifyButtonProps = React.ComponentProps<typeof VbVerifyButton>;
export type VbPassportProps = React.ComponentProps<typeof VbPassport>;
export type VbBadgeActionsProps = React.ComponentProps<typeof VbBadgeActions>;
