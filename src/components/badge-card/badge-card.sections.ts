/**
 * The templates of <vb-badge-card>'s sections, from the view model. Every value from a credential goes through a text
 * binding or an attribute binding; links and images come from the view, which holds only https (and raster `data:`)
 * URLs.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { BadgeView, VerificationResult } from '../../core/index.js';
import { formatDate, msg, type Language } from '../shared/i18n.js';
import { renderMarkdown } from '../shared/markdown.js';
import type { VerificationState } from '../shared/state.js';

type Section = TemplateResult | typeof nothing;

/** An ARIA heading: the level is the page's choice (`heading-level`), so it cannot be a fixed tag. */
export function heading(level: number, text: string, part: string, id?: string): TemplateResult {
  return html`<div role="heading" aria-level=${level} part=${part} class=${part} id=${id ?? nothing}>${text}</div>`;
}

/** A state icon; the state is always also written out in words beside it. */
export function stateIcon(state: VerificationState): TemplateResult {
  const path =
    state === 'verified'
      ? svg`<path d="M6.5 12.5l3.5 3.5 7.5-8" />`
      : state === 'failed'
        ? svg`<path d="M7.5 7.5l9 9M16.5 7.5l-9 9" />`
        : state === 'indeterminate'
          ? svg`<path d="M12 7v6" /><path d="M12 16.5v.5" />`
          : state === 'verifying'
            ? svg`<path class="spin" d="M12 4a8 8 0 1 1-8 8" />`
            : svg`<path d="M8 12h8" />`;
  const ring = state === 'verifying' ? nothing : svg`<circle cx="12" cy="12" r="10" />`;
  return html`<svg part="status-icon" class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ring}${path}</svg>`;
}

/** The drawing shown when a badge has no usable image (or it failed to load). */
export function placeholderImage(): TemplateResult {
  return html`<svg class="placeholder" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
    <circle cx="24" cy="20" r="13" />
    <path d="M17 31l-4 12 7-3 4 5 4-12M31 31l4 12-7-3" />
    <path d="M24 13l2.2 4.5 5 .7-3.6 3.5.8 5-4.4-2.3-4.4 2.3.8-5-3.6-3.5 5-.7z" />
  </svg>`;
}

export function badgeImage(view: BadgeView, title: string, lang: Language, broken: string | undefined, onError: (src: string) => void): TemplateResult {
  const src = view.achievement?.image ?? view.issuer.image;
  return src && src !== broken
    ? html`<img
        src=${src}
        alt=${msg(lang, 'label.badgeImage', { name: title })}
        referrerpolicy="no-referrer"
        decoding="async"
        loading="lazy"
        @error=${() => onError(src)}
      />`
    : placeholderImage();
}

export interface IssuerOptions {
  state: VerificationState;
  trusted: boolean;
}

/** "Issued by Example Institute — did:web:… (verified identity)": the self-asserted name beside what was verified. */
export function issuerLine(view: BadgeView, lang: Language, { state, trusted }: IssuerOptions): TemplateResult {
  const { issuer } = view;
  const name = issuer.name ?? msg(lang, 'label.unknownIssuer');
  const verified = issuer.verifiedIdentifier;
  const shown = verified ?? issuer.id;
  const label = verified ? msg(lang, 'label.verifiedId') : state === 'verifying' ? undefined : msg(lang, 'label.unverifiedId');
  // A name that hid direction controls or invisible characters, or mixes look-alike scripts (core/text-safety.ts),
  // gets a warning in words; the name is isolated (<bdi>) so it cannot reorder the line around it.
  const flags = issuer.nameFlags ?? [];
  const warning = flags.length
    ? msg(lang, 'card.nameWarning', { reasons: flags.map((flag) => msg(lang, `card.nameFlag.${flag}`)).join('; ') })
    : undefined;
  const describedBy = warning ? 'issuer-warning' : nothing;
  return html`<p part="issuer" class="issuer">
    <span class="muted">${msg(lang, 'label.issuedBy')}</span>
    ${issuer.url
      ? html`<a part="issuer-name" href=${issuer.url} rel="noopener noreferrer" target="_blank" aria-describedby=${describedBy}
          ><bdi>${name}</bdi></a
        >`
      : html`<span part="issuer-name" class="issuer-name" aria-describedby=${describedBy}><bdi>${name}</bdi></span>`}
    ${shown
      ? html`<span part="issuer-id" class="issuer-id ${verified ? 'is-verified' : 'is-unverified'}"
          ><code>${shown}</code>${label ? html` <span class="id-label">(${label})</span>` : nothing}</span
        >`
      : nothing}
    ${trusted ? html`<span part="trusted" class="trusted">${msg(lang, 'card.trustedIssuer')}</span>` : nothing}
    ${warning
      ? html`<span part="issuer-warning" class="issuer-warning" id="issuer-warning" role="note"
          ><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.5 15 14H1z" /><path d="M8 6v4M8 11.5v.5" /></svg
          >${warning}</span
        >`
      : nothing}
  </p>`;
}

function recipientText(view: BadgeView, lang: Language): string | undefined {
  const r = view.recipient;
  if (!r) return undefined;
  if (r.name || r.id) return r.name ?? r.id;
  const identifier = r.identifiers?.[0];
  if (!identifier?.type && !identifier?.identity) return undefined;
  return identifier.hashed ? msg(lang, 'card.hashedRecipient', { type: identifier.type ?? '' }) : identifier.identity ?? identifier.type;
}

/** Issue and expiry dates in the page's language, and the recipient. */
export function facts(view: BadgeView, lang: Language, compact: boolean): Section {
  const recipient = compact ? undefined : recipientText(view, lang);
  if (!view.issued && !view.expires && !recipient) return nothing;
  return html`<dl part="facts" class="facts">
    ${view.issued
      ? html`<div><dt>${msg(lang, 'label.issued')}</dt> <dd><time datetime=${view.issued}>${formatDate(lang, view.issued)}</time></dd></div>`
      : nothing}
    ${view.expires
      ? html`<div><dt>${msg(lang, 'label.expires')}</dt> <dd><time datetime=${view.expires}>${formatDate(lang, view.expires)}</time></dd></div>`
      : nothing}
    ${recipient ? html`<div part="recipient"><dt>${msg(lang, 'label.recipient')}</dt> <dd>${recipient}</dd></div>` : nothing}
  </dl>`;
}

export function description(view: BadgeView): Section {
  const text = view.achievement?.description;
  return text ? html`<p part="description" class="description">${text}</p>` : nothing;
}

export function criteria(view: BadgeView, lang: Language, level: number): Section {
  const narrative = view.achievement?.criteria;
  const url = view.achievement?.criteriaUrl;
  if (!narrative && !url) return nothing;
  return html`<section part="criteria" class="section">
    ${heading(level, msg(lang, 'label.criteria'), 'section-title')}
    <div class="markdown">${renderMarkdown(narrative)}</div>
    ${url ? html`<p><a href=${url} rel="noopener noreferrer" target="_blank">${url}</a></p>` : nothing}
  </section>`;
}

/** Skills as chips: name, then framework and code, linked to the framework's page when it is https. */
export function skills(view: BadgeView, lang: Language, level: number): Section {
  if (!view.alignments.length) return nothing;
  return html`<section part="skills" class="section">
    ${heading(level, msg(lang, 'label.skills'), 'section-title')}
    <ul class="chips" role="list">
      ${view.alignments.map((a) => {
        const name = a.targetName ?? a.targetCode ?? '';
        const meta = [a.targetFramework, a.targetName ? a.targetCode : undefined].filter(Boolean).join(' ');
        const content = html`<span class="chip-name">${name}</span>${meta ? html` <span class="chip-meta">${meta}</span>` : nothing}`;
        return html`<li part="skill" class="chip" title=${a.targetDescription ?? nothing}>
          ${a.targetUrl ? html`<a href=${a.targetUrl} rel="noopener noreferrer" target="_blank">${content}</a>` : content}
        </li>`;
      })}
    </ul>
  </section>`;
}

export function evidence(view: BadgeView, lang: Language, level: number): Section {
  if (!view.evidence.length) return nothing;
  return html`<section part="evidence" class="section">
    ${heading(level, msg(lang, 'label.evidence'), 'section-title')}
    <ul class="items">
      ${view.evidence.map((e) => {
        const name = e.name ?? e.id ?? e.genre ?? '';
        return html`<li>
          ${e.id ? html`<a href=${e.id} rel="noopener noreferrer" target="_blank">${name}</a>` : html`<span>${name}</span>`}
          ${e.genre && e.genre !== name ? html` <span class="muted">(${e.genre})</span>` : nothing}
          ${e.description ? html`<p>${e.description}</p>` : nothing}
          ${e.narrative ? html`<div class="markdown">${renderMarkdown(e.narrative)}</div>` : nothing}
        </li>`;
      })}
    </ul>
  </section>`;
}

export function results(view: BadgeView, lang: Language, level: number): Section {
  if (!view.results.length) return nothing;
  return html`<section part="results" class="section">
    ${heading(level, msg(lang, 'label.results'), 'section-title')}
    <ul class="items">
      ${view.results.map((r) => html`<li>${[r.achievedLevel, r.value, r.status].filter(Boolean).join(' · ') || r.resultDescription}</li>`)}
    </ul>
  </section>`;
}

/** CLR transcripts: the achievements they hold and how their nested credentials fared. */
export function transcript(view: BadgeView, result: VerificationResult | undefined, lang: Language, level: number): Section {
  if (!view.clr) return nothing;
  const summary = result?.nestedSummary;
  return html`<section part="transcript" class="section">
    ${heading(level, msg(lang, 'card.transcript'), 'section-title')}
    ${summary ? html`<p class="muted">${msg(lang, 'card.transcriptSummary', { ...summary })}</p>` : nothing}
    ${view.clr.achievements.length
      ? html`<ul class="items">
          ${view.clr.achievements.map((a) => html`<li>${a.name ?? a.id ?? ''}</li>`)}
        </ul>`
      : nothing}
  </section>`;
}

export function endorsements(view: BadgeView, lang: Language): Section {
  const count = view.endorsementCount;
  if (!count) return nothing;
  return html`<p part="endorsements" class="endorsements muted">
    ${count === 1 ? msg(lang, 'label.endorsement') : msg(lang, 'label.endorsements', { count })}
  </p>`;
}
