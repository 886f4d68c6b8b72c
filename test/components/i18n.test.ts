/**
 * Dates as the elements write them (Node and Chromium): the medium style of each language, without Intl.
 */
import { expect } from 'chai';
import { formatDate } from '../../src/components/shared/i18n.js';

describe('formatDate', () => {
  it('writes the calendar day in UTC, in the medium style of each language', () => {
    expect(formatDate('en', '2026-01-15T09:00:00Z')).to.equal('Jan 15, 2026');
    expect(formatDate('es', '2026-01-15T09:00:00Z')).to.equal('15 ene 2026');
    // The day the credential states, whatever the reader's time zone.
    expect(formatDate('en', '2026-09-30T23:59:59Z')).to.equal('Sep 30, 2026');
    expect(formatDate('es', '2026-09-01T00:00:00+02:00')).to.equal('31 ago 2026');
    expect(formatDate('es', '2026-09-01T00:00:00Z')).to.equal('1 sept 2026');
    expect(formatDate('en', '2026-12-01')).to.equal('Dec 1, 2026');
  });

  it('writes the local date and time when asked', () => {
    const value = '2026-03-01T12:34:00Z';
    const local = new Date(value);
    const hours = local.getHours();
    const day = `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][local.getMonth()]} ${local.getDate()}, ${local.getFullYear()}`;
    const minutes = String(local.getMinutes()).padStart(2, '0');
    expect(formatDate('en', value, true)).to.equal(`${day}, ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`);
    expect(formatDate('es', value, true)).to.match(new RegExp(`^${local.getDate()} \\S+ ${local.getFullYear()}, ${hours}:${minutes}$`));
  });

  it('gives back text that is not a date, and nothing for nothing', () => {
    expect(formatDate('en', 'sometime in spring')).to.equal('sometime in spring');
    expect(formatDate('en', '')).to.equal('');
    expect(formatDate('en', undefined)).to.equal('');
  });
});
