import { mayReissue, recoveryAnswer } from './access-code-recovery.rules';

describe('access-code recovery rules', () => {
  // Three new codes a day (RECOVERIES_PER_DAY): the third is issued, the fourth is not.
  it.each([
    // smsAvailable, found, phoneMatches, reissuedToday, issued
    [true, true, true, 0, true],
    [true, true, true, 2, true],
    [true, true, true, 3, false],
    [true, true, true, 7, false],
    [true, true, false, 0, false],
    [true, false, false, 0, false],
    [false, true, true, 0, false],
    [false, false, false, 0, false],
  ])('sms %s, case %s, phone matches %s, %i issued today → issued %s', (smsAvailable, found, phoneMatches, reissuedToday, issued) => {
    expect(mayReissue({ smsAvailable, found, phoneMatches, reissuedToday })).toBe(issued);
  });

  it('answers from the SMS provider alone, never from the case', () => {
    expect(recoveryAnswer(true)).toEqual({ status: 'accepted' });
    expect(recoveryAnswer(false)).toEqual({ status: 'unavailable' });
  });
});
