import { type Decision, outcomeReasonLabels } from '#applications.ts';
import { type CallStatus, callStatusLabels } from '#calls.ts';
import type { Locale } from '#messages.ts';
import type { SelectionMode } from '#validation.ts';

/**
 * Selection for reviewed calls. Deterministic: the same candidates and policy always give the same
 * outcomes, whatever order they arrive in.
 *
 * Ranking: higher mean weighted score first; ties go to the earlier submission, then to the
 * smaller application id (a stable, arbitrary last resort nobody can game).
 *
 * Filling: down the ranking, a candidate takes a seat while seats remain and neither the school's
 * cap nor the province's cap is reached; a candidate blocked by a cap or by full seats joins the
 * waitlist in rank order. Candidates below the minimum score are rejected.
 */

export type SelectionCandidate = {
  applicationId: string;
  schoolId: string;
  province: string | null;
  submittedAt: Date;
  /** Mean weighted total in hundredths of a point (0-10000); null = not reviewed enough. */
  score: number | null;
};

export type SelectionPolicy = {
  seats: number;
  /** In hundredths of a point; null = no minimum. */
  minScore: number | null;
  /** At most this many seats per school; null = no cap. */
  maxPerSchool: number | null;
  /** At most this many seats per province code; provinces not listed are not capped. */
  seatsPerProvince: Readonly<Record<string, number>> | null;
};

export type WaitReason = 'SEATS_FULL' | 'SCHOOL_CAP' | 'PROVINCE_CAP';

export type SelectionOutcome =
  | { kind: 'accepted'; applicationId: string; rank: number; score: number }
  | {
      kind: 'waitlisted';
      applicationId: string;
      rank: number;
      score: number;
      position: number;
      reason: WaitReason;
    }
  | { kind: 'rejected'; applicationId: string; rank: null; score: number; reason: 'BELOW_MIN_SCORE' }
  | { kind: 'pending'; applicationId: string; rank: null; score: null; reason: 'NOT_REVIEWED' };

export function compareCandidates(a: SelectionCandidate, b: SelectionCandidate): number {
  const byScore = (b.score ?? -1) - (a.score ?? -1);
  if (byScore !== 0) return byScore;
  const byTime = a.submittedAt.getTime() - b.submittedAt.getTime();
  if (byTime !== 0) return byTime;
  return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
}

/** What would block a candidate from a seat, given the seats already taken; null = nothing. */
export function seatBlocker(
  candidate: Pick<SelectionCandidate, 'schoolId' | 'province'>,
  taken: { count: number; bySchool: ReadonlyMap<string, number>; byProvince: ReadonlyMap<string, number> },
  policy: SelectionPolicy,
): WaitReason | null {
  if (taken.count >= policy.seats) return 'SEATS_FULL';
  if (policy.maxPerSchool != null && (taken.bySchool.get(candidate.schoolId) ?? 0) >= policy.maxPerSchool) {
    return 'SCHOOL_CAP';
  }
  const provinceCap = candidate.province ? policy.seatsPerProvince?.[candidate.province] : undefined;
  if (
    provinceCap != null &&
    candidate.province &&
    (taken.byProvince.get(candidate.province) ?? 0) >= provinceCap
  ) {
    return 'PROVINCE_CAP';
  }
  return null;
}

export function runSelection(
  candidates: readonly SelectionCandidate[],
  policy: SelectionPolicy,
): SelectionOutcome[] {
  const outcomes: SelectionOutcome[] = [];
  const scored = candidates.filter((candidate) => candidate.score !== null).sort(compareCandidates);
  const taken = { count: 0, bySchool: new Map<string, number>(), byProvince: new Map<string, number>() };
  let position = 0;
  scored.forEach((candidate, index) => {
    const score = candidate.score as number;
    const rank = index + 1;
    if (policy.minScore != null && score < policy.minScore) {
      outcomes.push({
        kind: 'rejected',
        applicationId: candidate.applicationId,
        rank: null,
        score,
        reason: 'BELOW_MIN_SCORE',
      });
      return;
    }
    const blocker = seatBlocker(candidate, taken, policy);
    if (blocker) {
      position++;
      outcomes.push({
        kind: 'waitlisted',
        applicationId: candidate.applicationId,
        rank,
        score,
        position,
        reason: blocker,
      });
      return;
    }
    taken.count++;
    taken.bySchool.set(candidate.schoolId, (taken.bySchool.get(candidate.schoolId) ?? 0) + 1);
    if (candidate.province)
      taken.byProvince.set(candidate.province, (taken.byProvince.get(candidate.province) ?? 0) + 1);
    outcomes.push({ kind: 'accepted', applicationId: candidate.applicationId, rank, score });
  });
  for (const candidate of candidates) {
    if (candidate.score === null) {
      outcomes.push({
        kind: 'pending',
        applicationId: candidate.applicationId,
        rank: null,
        score: null,
        reason: 'NOT_REVIEWED',
      });
    }
  }
  return outcomes;
}

/**
 * When a seat frees up: the first waitlisted candidate (by waitlist position) whom no cap blocks
 * given the seats still held; null when nobody fits.
 */
export function pickPromotion<
  T extends Pick<SelectionCandidate, 'schoolId' | 'province'> & { position: number },
>(
  waitlist: readonly T[],
  held: readonly Pick<SelectionCandidate, 'schoolId' | 'province'>[],
  policy: SelectionPolicy,
): T | null {
  const taken = {
    count: held.length,
    bySchool: new Map<string, number>(),
    byProvince: new Map<string, number>(),
  };
  for (const seat of held) {
    taken.bySchool.set(seat.schoolId, (taken.bySchool.get(seat.schoolId) ?? 0) + 1);
    if (seat.province) taken.byProvince.set(seat.province, (taken.byProvince.get(seat.province) ?? 0) + 1);
  }
  const ordered = [...waitlist].sort((a, b) => a.position - b.position);
  return ordered.find((candidate) => seatBlocker(candidate, taken, policy) === null) ?? null;
}

/** An outcome as the manager previewing it reads it: the rank, the waitlist place and the reason. */
export function explainOutcome(outcome: SelectionOutcome, locale: Locale): string {
  if (outcome.kind === 'accepted') {
    return locale === 'en'
      ? `Rank ${outcome.rank}: gets a seat`
      : `Peringkat ${outcome.rank}: mendapat kursi`;
  }
  const reason = outcomeReasonLabels[outcome.reason][locale];
  if (outcome.kind !== 'waitlisted') return reason;
  return locale === 'en'
    ? `Rank ${outcome.rank}, waitlist ${outcome.position}: ${reason}`
    : `Peringkat ${outcome.rank}, daftar tunggu ${outcome.position}: ${reason}`;
}

/** Committing as the refusal names it ("A call with status Draft cannot be given a selection result"). */
const commitActionLabel: Record<Locale, string> = {
  id: 'ditetapkan hasil seleksinya',
  en: 'given a selection result',
};

/**
 * Whether a reviewed call's selection may be committed now, checked in this order: the call is
 * reviewed, not yet committed, neither a draft nor cancelled, no longer taking applications (a
 * call its manager closed early may be committed at once), has reviewers, and every endorsed
 * application is fully reviewed. The API commits by this rule; the console explains it before the
 * manager asks.
 */
export function decideCommit(input: {
  call: {
    status: CallStatus;
    selectionMode: SelectionMode;
    selectionCommittedAt: Date | null;
    applicationClosesAt: Date;
  };
  /** Reviewers assigned to the call. */
  reviewers: number;
  /** Endorsed applications not yet fully reviewed (`isFullyReviewed`). */
  pending: number;
  now: Date;
}): Decision {
  const { call } = input;
  if (call.selectionMode !== 'REVIEWED') return { kind: 'refused', code: 'NOT_REVIEWED_CALL' };
  if (call.selectionCommittedAt) return { kind: 'refused', code: 'SELECTION_COMMITTED' };
  if (call.status === 'CANCELLED' || call.status === 'DRAFT') {
    return {
      kind: 'refused',
      code: 'INVALID_TRANSITION',
      params: { status: callStatusLabels[call.status], action: commitActionLabel },
    };
  }
  if (call.status === 'OPEN' && input.now < call.applicationClosesAt) {
    return { kind: 'refused', code: 'SELECTION_TOO_EARLY' };
  }
  if (input.reviewers === 0) return { kind: 'refused', code: 'NO_REVIEWERS' };
  if (input.pending > 0)
    return { kind: 'refused', code: 'REVIEWS_INCOMPLETE', params: { count: input.pending } };
  return { kind: 'allowed' };
}
