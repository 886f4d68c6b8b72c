/**
 * Gallery: every badge of the demo issuer's index beside the state it was issued to have, and, once its card has
 * settled, whether it ended so. The cards verify on their own; this page only listens to their `vb-verify-end`.
 */
import type { VbBadgeCard } from '../src/components/badge-card/badge-card.js';
import type { VbVerifyEndDetail } from '../src/components/shared/events.js';
import { EXPECTED, badgeCard, byId, cardMarkup, demoIndex, h, showSnippet, type DemoBadge } from './site.js';

/** The words a card's state banner says for each intended outcome (English, the page's language). */
const REASON: Partial<Record<DemoBadge['expected'], RegExp>> = {
  revoked: /revoked/i,
  suspended: /suspended/i,
  expired: /expired/i,
  tampered: /signature does not match/i,
  indeterminate: /could not check/i,
};

const index = demoIndex();
const summary = byId('gallery-summary');
if (index) {
  const gallery = byId('gallery');
  const outcomes = new Map<string, boolean>();
  const total = index.badges.length;

  const report = () => {
    const done = outcomes.size;
    const missed = [...outcomes.values()].filter((ok) => !ok).length;
    summary.textContent =
      done < total
        ? `Verifying… ${done} of ${total} badges checked.`
        : missed
          ? `${total} badges checked: ${missed} did not end as intended.`
          : `${total} badges checked: every one ended as intended.`;
  };

  for (const badge of index.badges) {
    const expected = EXPECTED[badge.expected];
    const id = `badge-${badge.slug}`;
    const match = h('p', { class: 'match', 'data-match': 'pending' }, 'Verifying…');
    const card = badgeCard(badge.file, badge.title, { id, compact: true, verifyButton: true, actions: true });
    card.addEventListener('vb-verify-end', async (event: Event) => {
      // The verify button in the card's actions fires its own vb-verify-end, which bubbles through the card.
      if (event.target !== card) return;
      const { result, state } = (event as CustomEvent<VbVerifyEndDetail>).detail;
      // The event comes before the card renders its new state: read the banner once it has.
      await (card as VbBadgeCard).updateComplete;
      const banner = card.shadowRoot?.querySelector('[part~="status"]')?.textContent ?? '';
      const reason = REASON[badge.expected];
      const ok = state === expected.kind && (!reason || reason.test(banner));
      outcomes.set(badge.slug, ok);
      match.dataset.match = ok ? 'yes' : 'no';
      match.textContent = ok ? '✓ Ended as intended' : `✕ Not as intended: the card says ${state} (${result.verdict})`;
      report();
    });
    gallery.append(
      h(
        'li',
        { class: 'specimen', 'data-slug': badge.slug, 'data-expected': badge.expected },
        h(
          'div',
          { class: 'specimen-head' },
          h('span', { class: 'label' }, 'Issued to be'),
          h('span', { class: 'chip', 'data-kind': expected.kind }, `${expected.icon} ${expected.label}`),
        ),
        h('p', { class: 'format' }, `${badge.format} · `, h('a', { class: 'file', href: badge.file }, badge.file.split('/').pop()!)),
        card,
        h('p', { class: 'note' }, badge.note),
        match,
      ),
    );
  }
  report();
  const first = index.badges.find((badge) => badge.expected === 'revoked') ?? index.badges[0];
  if (first) showSnippet('gallery-snippet', cardMarkup(first.file, first.title, { id: `badge-${first.slug}`, compact: true, verifyButton: true, actions: true }));
} else {
  summary.textContent = '';
}
