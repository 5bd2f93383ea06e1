import { describe, expect, it } from 'vitest';
import { translateError } from '#messages.ts';
import {
  decideCommit,
  explainOutcome,
  pickPromotion,
  runSelection,
  type SelectionCandidate,
  type SelectionPolicy,
} from '#selection.ts';

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

describe('decideCommit', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const call = {
    status: 'OPEN' as const,
    selectionMode: 'REVIEWED' as const,
    selectionCommittedAt: null,
    applicationClosesAt: new Date('2026-11-21T16:59:00Z'),
  };
  const ready = { call, reviewers: 2, pending: 0, now };

  it.each([
    ['an open call whose window has closed', {}],
    ['a call its manager closed', { call: { ...call, status: 'CLOSED' as const } }],
    [
      'a closed call before its window would have ended',
      { call: { ...call, status: 'CLOSED' as const, applicationClosesAt: new Date('2026-11-30T16:59:00Z') } },
    ],
    ['an open call at the instant its window closes', { now: call.applicationClosesAt }],
    ['a call already in training', { call: { ...call, status: 'IN_TRAINING' as const } }],
  ])('allows %s', (_case, change) => {
    expect(decideCommit({ ...ready, ...change })).toEqual({ kind: 'allowed' });
  });

  // In the order they are checked: each case breaks one rule, and later rules too where noted.
  it.each([
    [
      'a first-come call',
      { call: { ...call, selectionMode: 'FIRST_COME' as const }, pending: 3 },
      'NOT_REVIEWED_CALL',
    ],
    [
      'a committed call',
      { call: { ...call, selectionCommittedAt: now }, reviewers: 0 },
      'SELECTION_COMMITTED',
    ],
    ['a draft', { call: { ...call, status: 'DRAFT' as const } }, 'INVALID_TRANSITION'],
    ['a cancelled call', { call: { ...call, status: 'CANCELLED' as const } }, 'INVALID_TRANSITION'],
    [
      'an open call a millisecond before its window closes, without reviewers',
      { now: new Date(call.applicationClosesAt.getTime() - 1), reviewers: 0 },
      'SELECTION_TOO_EARLY',
    ],
    ['a call without reviewers, with unscored applications', { reviewers: 0, pending: 2 }, 'NO_REVIEWERS'],
    ['one application not fully reviewed', { pending: 1 }, 'REVIEWS_INCOMPLETE'],
  ])('refuses %s', (_case, change, code) => {
    expect(decideCommit({ ...ready, ...change })).toMatchObject({ kind: 'refused', code });
  });

  it('says how many applications still wait for scores', () => {
    expect(decideCommit({ ...ready, pending: 3 })).toEqual({
      kind: 'refused',
      code: 'REVIEWS_INCOMPLETE',
      params: { count: 3 },
    });
  });

  it('names the status of a call that cannot be committed', () => {
    const decision = decideCommit({ ...ready, call: { ...call, status: 'DRAFT' } });
    if (decision.kind !== 'refused') throw new Error('expected refusal');
    expect(translateError(decision.code, 'en', decision.params)).toBe(
      'A call with status Draft cannot be given a selection result.',
    );
  });
});

describe('explainOutcome', () => {
  it.each([
    [
      { kind: 'accepted', applicationId: 'a', rank: 1, score: 9000 },
      'Peringkat 1: mendapat kursi',
      'Rank 1: gets a seat',
    ],
    [
      { kind: 'waitlisted', applicationId: 'a', rank: 4, score: 6000, position: 1, reason: 'SEATS_FULL' },
      'Peringkat 4, daftar tunggu 1: Semua kursi sudah terisi',
      'Rank 4, waitlist 1: All seats are taken',
    ],
    [
      { kind: 'rejected', applicationId: 'a', rank: null, score: 3833, reason: 'BELOW_MIN_SCORE' },
      'Skor seleksi di bawah batas minimal',
      'Selection score below the minimum',
    ],
    [
      { kind: 'pending', applicationId: 'a', rank: null, score: null, reason: 'NOT_REVIEWED' },
      'Belum dinilai semua penilai',
      'Not yet scored by every reviewer',
    ],
  ] as const)('explains %j in both languages, in the words of the reason table', (outcome, id, en) => {
    expect(explainOutcome(outcome, 'id')).toBe(id);
    expect(explainOutcome(outcome, 'en')).toBe(en);
  });
});
