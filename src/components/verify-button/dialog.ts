/**
 * The report in <vb-verify-button>'s dialog: the verdict, the progress while verifying, every check, the signer, when
 * it was checked, a transcript's credentials and the credential itself. Loaded the first time the dialog opens, so a
 * page that shows the button loads none of this until someone asks for the report.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ProgressStep, VerificationResult } from '../../core/index.js';
import { formatDate, type Language } from '../shared/i18n.js';
import { reasonOf, reasonsOf, type VerificationState } from '../shared/state.js';
import { OUTCOME_ICONS, PROGRESS_ICONS, STATE_ICONS } from './icons.js';
import { msg } from './report-messages.js';
import { checkedAtOf, credentialJson, nameOf, progressOf, signersOf } from './report.js';

/** What the report shows, and what its two buttons do. */
export interface Report {
  state: VerificationState;
  result?: VerificationResult;
  step?: ProgressStep;
  /** When the latest run ended (ISO), for results without a validity check. */
  finishedAt?: string;
  onAgain: () => void;
  onClose: () => void;
}

export function renderReport(report: Report, lang: Language): TemplateResult {
const result = report.state === 'verifying' ? undefined : report.result;
  const name = nameOf(result);
  const state = report.state;
  const reasons = result && result.verdict !== 'verified' ? reasonsOf(result, lang) : [];
  return html`
    <h2 id="title">${name ? withName(msg(lang, 'dialog.title'), name) : msg(lang, 'dialog.titlePending')}</h2>
    <div class="verdict ${state}" part="verdict" role="status">
      <span class="icon" aria-hidden="true">${STATE_ICONS[state]}</span>
      <strong>${msg(lang, `state.${state}`)}</strong>
      ${reasons.length ? html`<ul>${reasons.map((r) => html`<li>${r}</li>`)}</ul>` : nothing}
    </div>
    ${state === 'verifying' ? renderProgress(report.step, lang) : nothing}
    ${result ? renderResult(lang, result, report.finishedAt) : nothing}
    <div class="actions">
      <button
        part="again"
        type="button"
        aria-disabled=${state === 'verifying' ? 'true' : 'false'}
        @click=${report.onAgain}
      >${msg(lang, 'button.verifyAgain')}</button>
      <button part="close" class="primary" type="button" autofocus @click=${report.onClose}>${msg(lang, 'button.close')}</button>
    </div>
  `;
}

function renderProgress(step: ProgressStep | undefined, lang: Language): TemplateResult {
  return html`
    <h3 id="progress-title">${msg(lang, 'progress.title')}</h3>
    <ol class="progress" part="progress" aria-labelledby="progress-title">
      ${progressOf(step).map(
        ({ step, progress }) => html`<li data-step=${step} data-progress=${progress}>
          <span class="icon" aria-hidden="true">${PROGRESS_ICONS[progress]}</span>
          <span>${msg(lang, `step.${step}`)}</span>
          <span class="muted">(${msg(lang, `progress.${progress}`)})</span>
        </li>`,
      )}
    </ol>
  `;
}

function renderResult(lang: Language, result: VerificationResult, finishedAt: string | undefined): TemplateResult {
  const signers = signersOf(result);
  const checkedAt = checkedAtOf(result, finishedAt);
  const json = credentialJson(result);
  return html`
    <div class="table-wrap">
      <table part="checks">
        <caption>${msg(lang, 'dialog.checks')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg(lang, 'dialog.check')}</th>
            <th scope="col">${msg(lang, 'dialog.outcome')}</th>
            <th scope="col">${msg(lang, 'dialog.code')}</th>
            <th scope="col">${msg(lang, 'dialog.message')}</th>
          </tr>
        </thead>
        <tbody>
          ${result.checks.map(
            (c) => html`<tr data-check=${c.id} data-outcome=${c.outcome} data-code=${c.code}>
              <th scope="row">${msg(lang, `checkLabel.${c.id}`)}</th>
              <td class="outcome" data-outcome=${c.outcome}>
                <span class="icon" aria-hidden="true">${OUTCOME_ICONS[c.outcome]}</span>
                ${msg(lang, `outcome.${c.outcome}`)}
              </td>
              <td><code>${c.code}</code></td>
              <td>${c.message}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <section part="signer" aria-labelledby="signer-title">
      <h3 id="signer-title">${msg(lang, 'dialog.signer')}</h3>
      ${signers.length
        ? signers.map(
            (s) => html`<dl class="signer">
              <dt>${msg(lang, 'dialog.key')}</dt>
              <dd><code class="key">${s.verificationMethod}</code></dd>
              <dt>${msg(lang, 'dialog.controller')}</dt>
              <dd><code class="controller">${s.controller}</code></dd>
              ${s.type
                ? html`<dt>${msg(lang, 'dialog.proof')}</dt>
                    <dd class="proof">${s.type}${s.cryptosuite ? ` (${s.cryptosuite})` : ''}</dd>`
                : nothing}
            </dl>`,
          )
        : html`<p class="muted">${msg(lang, 'dialog.noSigner')}</p>`}
    </section>
    ${checkedAt ? html`<p class="checked-at">${msg(lang, 'dialog.checkedAt', { date: formatDate(lang, checkedAt, true) })}</p>` : nothing}
    ${result.nestedSummary ? renderNested(lang, result) : nothing}
    ${json !== undefined
      ? html`<details part="raw">
          <summary>${msg(lang, 'dialog.viewCredential')}</summary>
          <pre tabindex="0" aria-label=${msg(lang, 'dialog.viewCredential')}>${json}</pre>
        </details>`
      : nothing}
  `;
}

function renderNested(lang: Language, result: VerificationResult): TemplateResult {
  const summary = result.nestedSummary!;
  return html`
    <p class="nested-summary">${msg(lang, 'dialog.nested', { ...summary })}</p>
    <ul class="nested">
      ${(result.nested ?? []).map(
        (n) => html`<li data-verdict=${n.verdict}>
          <bdi>${nameOf(n) ?? msg(lang, 'label.untitled')}</bdi>:
          <span aria-hidden="true">${STATE_ICONS[n.verdict]}</span>
          ${n.verdict === 'verified' ? msg(lang, 'state.verified') : `${msg(lang, `state.${n.verdict}`)}: ${reasonOf(n, lang)}`}
        </li>`,
      )}
    </ul>
  `;
}

/** A message with its `{name}` placeholder filled by a name in `<bdi>`, so right-to-left names cannot reorder it. */
function withName(template: string, name: string): TemplateResult {
  const at = template.indexOf('{name}');
  if (at < 0) return html`${template} <bdi>${name}</bdi>`;
  return html`${template.slice(0, at)}<bdi>${name}</bdi>${template.slice(at + '{name}'.length)}`;
}

