// The RPL application form as plain data: what the teacher puts forward (wallet credentials,
// imported ones) and the self-evaluation per course outcome (CPMK), with the rules the API checks
// on saving and submitting, so the form can say what is missing before it asks.

import {
  type RplApplicationStatus,
  rplApplicationMachine,
  rplEditRefusal,
  type SelfEvaluationLevel,
} from '@kmg/domain';

export type OutcomeEvaluation = {
  level: SelfEvaluationLevel | null;
  /** Wallet credential ids and imported credential ids behind it. */
  credentialIds: string[];
  evidenceIds: string[];
  note: string;
};

export type RplDraft = {
  credentialIds: string[];
  externalCredentialIds: string[];
  /** By course outcome id. */
  evaluations: Record<string, OutcomeEvaluation>;
};

export const emptyEvaluation: OutcomeEvaluation = {
  level: null,
  credentialIds: [],
  evidenceIds: [],
  note: '',
};

/**
 * The database id inside a global id (`base64("CourseOutcome:<uuid>")`). The RPL draft input and
 * what it stores (outcome ids, credential ids) are database ids, as are the estimate's course and
 * credential ids; the curriculum's records come with global ids. Anything else is kept as is.
 */
export function rawIdOf(id: string): string {
  try {
    const match = /^[A-Za-z]+:([0-9a-f-]{36})$/i.exec(atob(id));
    if (match?.[1]) return match[1];
  } catch {
    // Not base64: already a database id.
  }
  return id;
}

type StoredApplication = {
  credentials: readonly {
    credential: { credentialId: string } | null;
    externalCredentialId: string | null;
  }[];
  selfEvaluations: readonly {
    outcomeId: string;
    level: SelfEvaluationLevel;
    credentialIds: readonly string[];
    evidenceIds: readonly string[];
    note: string | null;
  }[];
};

/** The form as the API last stored it. */
export function draftFromApplication(application: StoredApplication): RplDraft {
  return {
    credentialIds: application.credentials.flatMap((entry) =>
      entry.credential ? [entry.credential.credentialId] : [],
    ),
    externalCredentialIds: application.credentials.flatMap((entry) =>
      entry.externalCredentialId ? [entry.externalCredentialId] : [],
    ),
    evaluations: Object.fromEntries(
      application.selfEvaluations.map((entry) => [
        entry.outcomeId,
        {
          level: entry.level,
          credentialIds: [...entry.credentialIds],
          evidenceIds: [...entry.evidenceIds],
          note: entry.note ?? '',
        },
      ]),
    ),
  };
}

function mapEvaluations(draft: RplDraft, change: (entry: OutcomeEvaluation) => OutcomeEvaluation): RplDraft {
  return {
    ...draft,
    evaluations: Object.fromEntries(
      Object.entries(draft.evaluations).map(([id, entry]) => [id, change(entry)]),
    ),
  };
}

/**
 * Puts a credential forward or takes it back. A credential taken back no longer supports any
 * outcome: the API refuses a self-evaluation that cites a credential not put forward.
 */
export function chooseCredential(
  draft: RplDraft,
  { id, isImported, isChosen }: { id: string; isImported: boolean; isChosen: boolean },
): RplDraft {
  const key = isImported ? 'externalCredentialIds' : 'credentialIds';
  const others = draft[key].filter((candidate) => candidate !== id);
  const next = { ...draft, [key]: isChosen ? [...others, id] : others };
  if (isChosen) return next;
  return mapEvaluations(next, (entry) => ({
    ...entry,
    credentialIds: entry.credentialIds.filter((candidate) => candidate !== id),
  }));
}

/** An evidence file deleted: no outcome cites it any more. */
export function forgetEvidence(draft: RplDraft, evidenceId: string): RplDraft {
  return mapEvaluations(draft, (entry) => ({
    ...entry,
    evidenceIds: entry.evidenceIds.filter((candidate) => candidate !== evidenceId),
  }));
}

export function evaluate(draft: RplDraft, outcomeId: string, patch: Partial<OutcomeEvaluation>): RplDraft {
  const current = draft.evaluations[outcomeId] ?? emptyEvaluation;
  return { ...draft, evaluations: { ...draft.evaluations, [outcomeId]: { ...current, ...patch } } };
}

export function clearEvaluation(draft: RplDraft, outcomeId: string): RplDraft {
  const { [outcomeId]: _removed, ...evaluations } = draft.evaluations;
  return { ...draft, evaluations };
}

/** The `saveRplDraft` input: outcomes without a level are not evaluated yet and stay out. */
export function toDraftInput(draft: RplDraft) {
  return {
    credentialIds: [...new Set(draft.credentialIds)],
    externalCredentialIds: [...new Set(draft.externalCredentialIds)],
    selfEvaluations: Object.entries(draft.evaluations).flatMap(([outcomeId, entry]) =>
      entry.level
        ? [
            {
              outcomeId,
              level: entry.level,
              credentialIds: entry.credentialIds,
              evidenceIds: entry.evidenceIds,
              note: entry.note.trim() || null,
            },
          ]
        : [],
    ),
  };
}

/** Whether two drafts would save the same thing (for "unsaved changes"). */
export function isSameDraft(a: RplDraft, b: RplDraft): boolean {
  const canonical = (draft: RplDraft) => {
    const input = toDraftInput(draft);
    return JSON.stringify({
      credentialIds: [...input.credentialIds].sort(),
      externalCredentialIds: [...input.externalCredentialIds].sort(),
      selfEvaluations: [...input.selfEvaluations]
        .sort((x, y) => x.outcomeId.localeCompare(y.outcomeId))
        .map((entry) => ({
          ...entry,
          credentialIds: [...entry.credentialIds].sort(),
          evidenceIds: [...entry.evidenceIds].sort(),
        })),
    });
  };
  return canonical(a) === canonical(b);
}

export type EvaluationIssue = 'missingLevel' | 'needsSupport';

/**
 * What submitting would refuse for one outcome: every outcome of a proposed course needs a level,
 * and a level other than "never" needs a credential or a file behind it.
 */
export function evaluationIssue(entry: OutcomeEvaluation | undefined): EvaluationIssue | null {
  if (!entry?.level) return 'missingLevel';
  if (entry.level !== 'NEVER' && entry.credentialIds.length + entry.evidenceIds.length === 0)
    return 'needsSupport';
  return null;
}

/** How many of the outcomes the teacher must evaluate are done, and the first one that is not. */
export function evaluationProgress(draft: RplDraft, outcomeIds: readonly string[]) {
  const open = outcomeIds.filter((id) => evaluationIssue(draft.evaluations[id]) !== null);
  return { done: outcomeIds.length - open.length, total: outcomeIds.length, firstOpen: open[0] ?? null };
}

/** The teacher may change what they put forward in a draft, and when more evidence is asked for. */
export function isEditable(status: RplApplicationStatus): boolean {
  return rplEditRefusal(status) === null;
}

/** Whether the teacher may still withdraw: until the committee decides. */
export function isWithdrawable(status: RplApplicationStatus): boolean {
  return rplApplicationMachine.can(status, 'withdraw');
}

/** Waiting for the teacher first, then drafts, then those with the university, decided, withdrawn. */
const listOrder: Record<RplApplicationStatus, number> = {
  EVIDENCE_REQUESTED: 0,
  DRAFT: 1,
  SUBMITTED: 2,
  IN_ASSESSMENT: 2,
  AWAITING_COMMITTEE: 2,
  AWAITING_VALIDATION: 2,
  APPROVED: 2,
  APPEALED: 2,
  DECIDED: 3,
  WITHDRAWN: 4,
};

/**
 * The list of applications: the one waiting for the teacher (returned to be completed) first,
 * then drafts, those the university is working on, decided ones, withdrawn last; newest first
 * within each.
 */
export function orderRplApplications<T extends { status: RplApplicationStatus; updatedAt: string }>(
  applications: readonly T[],
): T[] {
  return [...applications].sort(
    (a, b) => listOrder[a.status] - listOrder[b.status] || b.updatedAt.localeCompare(a.updatedAt),
  );
}

/** The teacher's live application (anything but withdrawn) for an intake, if any. */
export function liveApplicationFor<T extends { status: RplApplicationStatus; intake: { id: string } }>(
  applications: readonly T[],
  intakeId: string,
): T | null {
  return (
    applications.find(
      (application) => application.intake.id === intakeId && application.status !== 'WITHDRAWN',
    ) ?? null
  );
}

export const verificationChecks = ['proof', 'status', 'validAtCutoff', 'recipient'] as const;
export type VerificationCheck = (typeof verificationChecks)[number];

export type CredentialVerification = {
  failed: VerificationCheck[];
  cutoffDate: string | null;
  detail: string | null;
};

/** The checks stored at submission (JSON, see `RplApplicationCredential.verification`), read safely. */
export function readVerification(json: string | null): CredentialVerification | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const record = value as { checks?: Record<string, unknown>; cutoffDate?: unknown; detail?: unknown };
  const checks = record.checks ?? {};
  return {
    failed: verificationChecks.filter((check) => checks[check] !== true),
    cutoffDate: typeof record.cutoffDate === 'string' ? record.cutoffDate : null,
    detail: typeof record.detail === 'string' ? record.detail : null,
  };
}

/** Courses by semester, in order, for the curriculum list. */
export function groupBySemester<T extends { semester: number; code: string }>(courses: readonly T[]) {
  const groups = new Map<number, T[]>();
  for (const course of [...courses].sort((a, b) => a.semester - b.semester || a.code.localeCompare(b.code))) {
    const group = groups.get(course.semester) ?? [];
    group.push(course);
    groups.set(course.semester, group);
  }
  return [...groups].map(([semester, items]) => ({ semester, courses: items }));
}

/** A limit's value (JSON) as a person reads it: a number or word as is, a list joined, null as "—". */
export function formatLimitValue(json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
