/**
 * Job board: each candidate of the demo issuer's index with a <vb-passport> of compact child cards, and the HTML of
 * the first candidate's passport.
 */
import { badgeCard, badgeOf, byId, cardMarkup, demoIndex, h, initials, showSnippet, slugOf } from './site.js';

const index = demoIndex();
if (index) {
  const list = byId('candidates');
  for (const candidate of index.candidates) {
    const passport = h('vb-passport', { 'aria-label': `Badges of ${candidate.name}` });
    for (const file of candidate.badges) passport.append(badgeCard(file, badgeOf(file)?.title ?? file, { compact: true, headingLevel: 4 }));
    const headingId = `candidate-${slugOf(candidate.name)}`;
    list.append(
      h(
        'li',
        { class: 'panel candidate', 'aria-labelledby': headingId },
        h(
          'div',
          { class: 'candidate-head' },
          h(
            'div',
            { class: 'person' },
            h('div', { class: 'avatar small', 'aria-hidden': 'true' }, initials(candidate.name)),
            h('div', {}, h('h3', { id: headingId }, candidate.name), h('p', {}, candidate.role)),
          ),
          h('a', { class: 'button', href: `./profile.html?candidate=${encodeURIComponent(slugOf(candidate.name))}` }, 'View profile'),
        ),
        passport,
      ),
    );
  }
  const first = index.candidates[0];
  if (first) {
    const cards = first.badges.map((file) => cardMarkup(file, badgeOf(file)?.title ?? file, { compact: true, headingLevel: 4 }, '  '));
    showSnippet('job-snippet', `<vb-passport aria-label="Badges of ${first.name}">\n${cards.join('\n')}\n</vb-passport>`);
  }
}
