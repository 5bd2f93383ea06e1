import { describe, expect, it } from 'vitest';
import { auditActions, endorsedBy, historyActionKey } from '#lib/history.ts';
import { messages } from '#messages.ts';

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
}

describe('historyActionKey', () => {
  it.each(auditActions)('has a label for %s in both languages', (action) => {
    expect(typeof lookup(messages.id, historyActionKey(action))).toBe('string');
    expect(typeof lookup(messages.en, historyActionKey(action))).toBe('string');
  });
});

describe('endorsedBy', () => {
  it('names the principal of the last endorsement', () => {
    expect(
      endorsedBy([
        { action: 'application.submitted', actor: { name: 'Budi' } },
        { action: 'application.endorsed', actor: { name: 'Agus Santoso' } },
        { action: 'review.scored', actor: { name: 'Hendra' } },
      ]),
    ).toBe('Agus Santoso');
  });

  it('gives null once the last endorsement was undone, and names a later one', () => {
    const undone = [
      { action: 'application.endorsed', actor: { name: 'Agus Santoso' } },
      { action: 'application.endorsement_undone', actor: { name: 'Agus Santoso' } },
    ];
    expect(endorsedBy(undone)).toBeNull();
    expect(endorsedBy([...undone, { action: 'application.endorsed', actor: { name: 'Wati' } }])).toBe('Wati');
  });

  it('gives null without an endorsement in the trail', () => {
    expect(endorsedBy([{ action: 'application.submitted', actor: { name: 'Budi' } }])).toBeNull();
  });
});
