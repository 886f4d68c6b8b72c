/**
 * Overview: three compact cards (a verified, a revoked and a tampered badge from the demo issuer) with the HTML that
 * embeds them.
 */
import { EXPECTED, badgeCard, byId, cardMarkup, demoIndex, h, showSnippet, type Expected } from './site.js';

const index = demoIndex();
if (index) {
  const picks = (['verified', 'revoked', 'tampered'] as Expected[])
    .map((expected) => index.badges.find((badge) => badge.expected === expected && badge.file.endsWith('.json')))
    .filter((badge) => badge !== undefined);
  const glance = byId('glance');
  for (const badge of picks) {
    const expected = EXPECTED[badge.expected];
    glance.append(
      h(
        'figure',
        {},
        h('figcaption', {}, 'Issued to be', h('span', { class: 'chip', 'data-kind': expected.kind }, `${expected.icon} ${expected.label}`)),
        badgeCard(badge.file, badge.title, { compact: true }),
      ),
    );
  }
  showSnippet('glance-snippet', picks.map((badge) => cardMarkup(badge.file, badge.title, { compact: true })).join('\n'));
}
