import { describe, expect, it } from 'vitest';
import { pickPromotion, runSelection, type SelectionCandidate, type SelectionPolicy } from '#selection.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 0, minute));
const candidate = (
  id: string,
  score: number | null,
  extra: Partial<SelectionCandidate> = {},
): SelectionCandidate => ({
  applicationId: id,
  schoolId: `school-${id}`,
  province: '33',
  submittedAt: at(0),
  score,
  ...extra,
});
const policy: SelectionPolicy = { seats: 2, minScore: 5000, maxPerSchool: null, seatsPerProvince: null };

const summary = (outcomes: ReturnType<typeof runSelection>) =>
  outcomes.map(
    (o) =>
      `${o.applicationId}:${o.kind}${'position' in o ? `#${o.position}` : ''}${'reason' in o ? `(${o.reason})` : ''}`,
  );

describe('runSelection', () => {
  it('fills seats by score, waitlists the rest in rank order, rejects below the minimum', () => {
    const outcomes = runSelection(
      [
        candidate('a', 6000),
        candidate('b', 9000),
        candidate('c', 8000),
        candidate('d', 4000),
        candidate('e', 7000),
      ],
      policy,
    );
    expect(summary(outcomes)).toEqual([
      'b:accepted',
      'c:accepted',
      'e:waitlisted#1(SEATS_FULL)',
      'a:waitlisted#2(SEATS_FULL)',
      'd:rejected(BELOW_MIN_SCORE)',
    ]);
  });

  it.each([
    [
      'earlier submission wins a tie',
      [candidate('x', 8000, { submittedAt: at(5) }), candidate('y', 8000, { submittedAt: at(1) })],
      ['y', 'x'],
    ],
    ['then the smaller application id', [candidate('n2', 8000), candidate('n1', 8000)], ['n1', 'n2']],
  ])('breaks ties deterministically: %s', (_name, candidates, order) => {
    const accepted = runSelection(candidates, { ...policy, seats: 5 }).map((o) => o.applicationId);
    expect(accepted).toEqual(order);
    expect(
      runSelection([...candidates].reverse(), { ...policy, seats: 5 }).map((o) => o.applicationId),
    ).toEqual(order);
  });

  it('caps seats per school, and per province where set, and says why a teacher waits', () => {
    const candidates = [
      candidate('s1', 9500, { schoolId: 'smkn10' }),
      candidate('s2', 9400, { schoolId: 'smkn10' }),
      candidate('p1', 9300, { province: '91' }),
      candidate('p2', 9200, { province: '91' }),
      candidate('o1', 9100),
    ];
    const outcomes = runSelection(candidates, {
      seats: 3,
      minScore: null,
      maxPerSchool: 1,
      seatsPerProvince: { '91': 1 },
    });
    expect(summary(outcomes)).toEqual([
      's1:accepted',
      's2:waitlisted#1(SCHOOL_CAP)',
      'p1:accepted',
      'p2:waitlisted#2(PROVINCE_CAP)',
      'o1:accepted',
    ]);
  });

  it('leaves unreviewed applications pending rather than deciding them', () => {
    expect(summary(runSelection([candidate('r', null), candidate('s', 7000)], policy))).toEqual([
      's:accepted',
      'r:pending(NOT_REVIEWED)',
    ]);
  });

  it('never seats more than the seats, whatever the input', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      candidate(`c${String(i).padStart(3, '0')}`, 5000 + (i % 97) * 50),
    );
    const outcomes = runSelection(many, { ...policy, seats: 20 });
    expect(outcomes.filter((o) => o.kind === 'accepted')).toHaveLength(20);
    expect(outcomes).toHaveLength(500);
  });
});

describe('pickPromotion', () => {
  const waitlist = [
    { applicationId: 'w1', schoolId: 'smkn10', province: '33', position: 1 },
    { applicationId: 'w2', schoolId: 'smkn4', province: '62', position: 2 },
  ];

  it('promotes the first waitlisted teacher no cap blocks', () => {
    const held = [{ schoolId: 'smkn10', province: '33' }];
    expect(
      pickPromotion(waitlist, held, { seats: 2, minScore: null, maxPerSchool: 1, seatsPerProvince: null })
        ?.applicationId,
    ).toBe('w2');
    expect(
      pickPromotion(waitlist, [], { seats: 2, minScore: null, maxPerSchool: 1, seatsPerProvince: null })
        ?.applicationId,
    ).toBe('w1');
  });

  it('promotes nobody while every seat is held', () => {
    const held = [
      { schoolId: 'a', province: '33' },
      { schoolId: 'b', province: '33' },
    ];
    expect(
      pickPromotion(waitlist, held, { seats: 2, minScore: null, maxPerSchool: null, seatsPerProvince: null }),
    ).toBeNull();
  });
});
