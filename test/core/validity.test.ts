import { expect } from 'chai';
import { checkValidity, parseDateTime } from '../../src/core/checks/validity.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const SKEW = 5 * 60_000;
const v2 = (dates: Record<string, unknown>) => ({ '@context': [], ...dates });

describe('validity check', () => {
  const table: [string, Record<string, unknown>, 1 | 2, string, string][] = [
    ['no dates (VC 2.0)', {}, 2, 'passed', 'ok'],
    ['validFrom in the past', { validFrom: '2026-01-01T00:00:00Z' }, 2, 'passed', 'ok'],
    ['validFrom in the future', { validFrom: '2027-01-01T00:00:00Z' }, 2, 'failed', 'not-yet-valid'],
    ['validFrom 2 minutes ahead (within skew)', { validFrom: '2026-06-01T12:02:00Z' }, 2, 'passed', 'ok'],
    ['validFrom 10 minutes ahead (beyond skew)', { validFrom: '2026-06-01T12:10:00Z' }, 2, 'failed', 'not-yet-valid'],
    ['validUntil in the past', { validUntil: '2026-05-01T00:00:00Z' }, 2, 'failed', 'expired'],
    ['validUntil 2 minutes ago (within skew)', { validUntil: '2026-06-01T11:58:00Z' }, 2, 'passed', 'ok'],
    ['validUntil in the future', { validUntil: '2030-01-01T00:00:00Z' }, 2, 'passed', 'ok'],
    ['date without offset is UTC', { validUntil: '2026-06-01T11:50:00' }, 2, 'failed', 'expired'],
    ['offset is honoured', { validUntil: '2026-06-01T13:00:00+02:00' }, 2, 'failed', 'expired'],
    ['not a date', { validFrom: 'yesterday' }, 2, 'failed', 'invalid-date'],
    ['a date that does not exist', { validFrom: '2026-02-31T00:00:00Z' }, 2, 'failed', 'invalid-date'],
    ['a number', { validFrom: 1700000000 }, 2, 'failed', 'invalid-date'],
    ['until before from', { validFrom: '2026-03-01T00:00:00Z', validUntil: '2026-02-01T00:00:00Z' }, 2, 'failed', 'invalid-date'],
    ['VC 1.1 without issuanceDate', {}, 1, 'failed', 'invalid-date'],
    ['VC 1.1 expired', { issuanceDate: '2020-01-01T00:00:00Z', expirationDate: '2021-01-01T00:00:00Z' }, 1, 'failed', 'expired'],
    ['VC 1.1 valid', { issuanceDate: '2020-01-01T00:00:00Z' }, 1, 'passed', 'ok'],
    ['VC 1.1 ignores VC 2.0 names', { issuanceDate: '2020-01-01T00:00:00Z', validUntil: '2021-01-01T00:00:00Z' }, 1, 'passed', 'ok'],
  ];
  for (const [name, dates, version, outcome, code] of table) {
    it(`${name}: ${outcome} (${code})`, () => {
      const check = checkValidity(v2(dates) as never, version, NOW, SKEW);
      expect(check.id).to.equal('validity');
      expect([check.outcome, check.code]).to.deep.equal([outcome, code]);
    });
  }

  it('says since when an expired credential expired', () => {
    const check = checkValidity(v2({ validUntil: '2026-05-01T00:00:00Z' }) as never, 2, NOW, SKEW);
    expect(check.message).to.contain('2026-05-01');
    expect(check.details?.validUntil).to.equal('2026-05-01T00:00:00.000Z');
  });

  it('parses XML Schema date-times strictly', () => {
    expect(parseDateTime('2026-06-01T12:00:00.123Z')).to.equal(Date.parse('2026-06-01T12:00:00.123Z'));
    for (const bad of ['2026-06-01', '2026-6-1T00:00:00Z', '2026-13-01T00:00:00Z', '2026-06-01 12:00:00Z', '', null, 'x'.repeat(100)]) {
      expect(parseDateTime(bad), String(bad)).to.equal(undefined);
    }
  });
});
