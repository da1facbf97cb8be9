import { describe, expect, it } from 'vitest';
import { changeSentences, clockTime, yourMeeting, zoneShiftSentence } from './notices';

describe('notices', () => {
  it('names the meeting with its day unless the name says it or it meets on several', () => {
    expect(yourMeeting('Serenity', [2])).toBe('Your Tuesday Serenity meeting');
    expect(yourMeeting('Tuesday Serenity', [2])).toBe('Your Tuesday Serenity meeting');
    expect(yourMeeting('Early Birds Meeting', [1, 3])).toBe('Your Early Birds Meeting');
  });

  it('says each field that changed, before and after, in the way people read them', () => {
    const sentences = changeSentences({
      name: 'Serenity',
      weekdays: [2],
      kind: 'changed',
      changes: [
        { field: 'start_time', before: '19:00', after: '19:30' },
        { field: 'weekdays', before: [1], after: [2] },
        { field: 'attendance', before: 'in_person', after: 'hybrid' },
        { field: 'address', before: '1 Main St', after: '2 Oak Ave' },
        { field: 'conference_url', before: null, after: 'https://zoom.us/j/1' },
        { field: 'duration_minutes', before: 60, after: 90 },
        { field: 'types', before: ['D', 'O'], after: ['C'] },
      ],
    });
    expect(sentences).toEqual([
      `Your Tuesday Serenity meeting now starts at ${clockTime('19:30')}, not ${clockTime('19:00')}.`,
      'Your Tuesday Serenity meeting now meets on Tuesday, not Monday.',
      'Your Tuesday Serenity meeting is now in person and online, not in person.',
      'Your Tuesday Serenity meeting now meets at 2 Oak Ave, not 1 Main St.',
      'Your Tuesday Serenity meeting now has an online link.',
      'Your Tuesday Serenity meeting now lasts 90 minutes, not 60.',
      'Your Tuesday Serenity meeting now lists its types as C.',
    ]);
    expect(clockTime('19:30')).toMatch(/7:30\sPM/);
  });

  it('says a meeting stopped or left its list, and that its reminders pause', () => {
    const [stopped] = changeSentences({ name: 'Noon', weekdays: [], kind: 'temporarily_closed', changes: [] });
    expect(stopped).toMatch(/^Your Noon meeting has stopped meeting for now\. Its reminders are paused/);
    const [gone] = changeSentences({ name: 'Noon', weekdays: [], kind: 'no_longer_listed', changes: [] });
    expect(gone).toMatch(/^Your Noon meeting is no longer in its list\. Its reminders are paused/);
  });

  it('says when a meeting in another zone moves against my clock', () => {
    const sentence = zoneShiftSentence({
      meeting_id: 1,
      name: 'Big Book',
      meeting_time_zone: 'Europe/London',
      from: '2026-03-08',
      until: '2026-03-28',
      usual_time: '11:00',
      shifted_time: '12:00',
    });
    expect(sentence).toMatch(/^From March 8 to March 28 your London meeting “Big Book” is at 12:00\sPM your time, not 11:00\sAM/);
  });
});
