/**
 * Profile: one person's skills passport (a <vb-passport> of their badges, with the summary line and the skills
 * overview) and their CLR 2.0 transcript when the demo issuer made one. `?candidate=grace-hopper` picks the person.
 */
import { badgeCard, badgeOf, byId, cardMarkup, demoIndex, escapeHtml, h, initials, showSnippet, slugOf } from './site.js';

const index = demoIndex();
if (index && index.candidates.length) {
  const wanted = new URLSearchParams(location.search).get('candidate');
  const person = index.candidates.find((c) => slugOf(c.name) === wanted) ?? index.candidates[0]!;
  document.title = `${person.name} · Profile · verifiable-badges demo`;
  byId('profile-name').textContent = person.name;
  byId('profile-role').textContent = person.role;
  byId('profile-avatar').textContent = initials(person.name);

  const passport = h('vb-passport', { 'aria-label': `Badges of ${person.name}` });
  person.badges.forEach((file, i) => passport.append(badgeCard(file, badgeOf(file)?.title ?? file, { id: `badge-${i + 1}`, headingLevel: 3, verifyButton: true, actions: true })));
  byId('passport-slot').append(passport);

  const snippet = [
    `<vb-passport aria-label="Badges of ${escapeHtml(person.name)}">`,
    ...person.badges.map((file, i) => cardMarkup(file, badgeOf(file)?.title ?? file, { id: `badge-${i + 1}`, headingLevel: 3, verifyButton: true, actions: true }, '  ')),
    '</vb-passport>',
  ];

  // The transcript of this person, if the issuer made one ("Transcript: Ada Lovelace").
  const transcript = index.badges.find((badge) => badge.slug.startsWith('transcript-') && badge.title.endsWith(person.name));
  if (transcript) {
    byId('transcript-slot').append(badgeCard(transcript.file, transcript.title, { id: 'transcript', verifyButton: true, actions: true }));
    byId('transcript-section').hidden = false;
    snippet.push('', cardMarkup(transcript.file, transcript.title, { id: 'transcript', verifyButton: true, actions: true }));
  }
  showSnippet('profile-snippet', snippet.join('\n'));
}
