import type { Cache, UpdatesConfig } from '@urql/exchange-graphcache';
import { rplCaseUpdates } from '#lib/rpl-case-updates.ts';

/** Drops every cached page of a root list (one per set of arguments); shown lists refetch. */
function invalidateRootField(cache: Cache, fieldName: string) {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === fieldName) cache.invalidate('Query', field.fieldName, field.arguments);
  }
}

/**
 * A change can move a call into or out of any filtered, sorted page, so every cached
 * `trainingCalls` page (one per set of arguments) is dropped and fetched again when shown.
 */
function invalidateCallLists(cache: Cache) {
  invalidateRootField(cache, 'trainingCalls');
}

/**
 * A call whose selection changed: its preview, progress, counts and applicant list are read afresh.
 * Graphcache keys the call by its global id, the same `id` the mutation was given.
 */
function invalidateCall(cache: Cache, id: unknown) {
  cache.invalidate({ __typename: 'TrainingCall', id: String(id) });
}

/** Drops some fields of a call (every set of arguments): shown pages read them again. */
function invalidateCallFields(cache: Cache, id: unknown, fieldNames: readonly string[]) {
  const entity = { __typename: 'TrainingCall', id: String(id) };
  for (const field of cache.inspectFields(entity)) {
    if (fieldNames.includes(field.fieldName)) cache.invalidate(entity, field.fieldName, field.arguments);
  }
}

/**
 * A call's application lists, every application record read alone (their review summaries), and
 * the call's publish checklist (reviewers and the rubric are two of its items).
 */
function invalidateApplicationsOf(cache: Cache, callId: unknown) {
  invalidateCallFields(cache, callId, ['applications', 'publishChecklist']);
  invalidateRootField(cache, 'application');
}

/** Whether a mutation's result union holds its success type (`…Success`), not an error. */
function succeeded(result: Record<string, unknown>, field: string): boolean {
  const outcome = result[field] as { __typename?: string } | null | undefined;
  return outcome?.__typename?.endsWith('Success') ?? false;
}

const rplRootFields = [
  'managedStudyProgrammes',
  'studyProgramme',
  'nationalRegulationProfiles',
  'rplApplications',
  'rplApplication',
  'rplQueue',
] as const;

/**
 * After a change, refetch the lists it affects; the changed records update themselves by id
 * (a published call's status, a user's locale).
 */
export const updates: UpdatesConfig = {
  Mutation: {
    createTrainingCall: (_result, _args, cache) => invalidateCallLists(cache),
    updateTrainingCall: (_result, args, cache) => {
      // Edits can change derived fields too (whether it takes applications now): read it afresh.
      invalidateCall(cache, args.id);
      invalidateCallLists(cache);
    },
    publishTrainingCall: (_result, _args, cache) => invalidateCallLists(cache),
    closeTrainingCall: (_result, _args, cache) => invalidateCallLists(cache),
    cancelTrainingCall: (_result, _args, cache) => invalidateCallLists(cache),
    // New rules, caps or reviewers change the preview, the progress and every application's review
    // summary. Both saves return all the selection page shows of the call, so only what other
    // screens read is dropped: the call's application lists and the application records.
    // A refusal changes nothing, and the form stays as the manager left it, under the message.
    updateSelectionSettings: (result, args, cache) => {
      if (succeeded(result, 'updateSelectionSettings')) invalidateApplicationsOf(cache, args.callId);
    },
    assignReviewers: (result, args, cache) => {
      if (!succeeded(result, 'assignReviewers')) return;
      invalidateApplicationsOf(cache, args.callId);
      invalidateRootField(cache, 'reviewAssignments');
    },
    commitSelection: (_result, args, cache) => {
      // Every endorsed application changed status: drop the call, its lists and any open record.
      invalidateCall(cache, args.callId);
      invalidateRootField(cache, 'application');
      invalidateCallLists(cache);
    },
    createStaffAccount: (_result, _args, cache) => invalidateRootField(cache, 'users'),
    // The API words verdicts, explanations and error texts in the request's language: a call or
    // an application on screen is read again in the new one.
    setMyLocale: (_result, _args, cache) => {
      invalidateRootField(cache, 'trainingCall');
      invalidateRootField(cache, 'application');
      // Pathway titles and requirement labels come in the request's language too.
      invalidateRootField(cache, 'pathways');
      invalidateRootField(cache, 'pathwayVersion');
      // RPL: programme names, rule labels, proposals' reasons and status labels.
      for (const field of rplRootFields) invalidateRootField(cache, field);
      // The university's RPL pages: decrees (programme and intake names) and the report (role labels).
      for (const field of ['rplDecrees', 'rplReport'] as const) invalidateRootField(cache, field);
    },
    // Delivery. Attendance comes back with the participants' page (same arguments as the pages
    // ask for), and a unit's assessment with its participant (units assessed, verdict), so neither
    // needs anything here. Dropping them instead made the page read them again, and a save made
    // while that read was on its way was overwritten by its older answer.
    saveAchievement: (result, args, cache) => {
      // The completion rule may have changed: every participant's verdict is read again.
      if (succeeded(result, 'saveAchievement')) invalidateCallFields(cache, args.callId, ['participants']);
    },
    approveResults: (result, args, cache) => {
      // The call is completed and credentials are queued for everyone who passed.
      if (!succeeded(result, 'approveResults')) return;
      invalidateCallFields(cache, args.callId, ['participants', 'issuanceProgress']);
      invalidateCallLists(cache);
    },
    retryFailedIssuance: (result, args, cache) => {
      if (succeeded(result, 'retryFailedIssuance'))
        invalidateCallFields(cache, args.callId, ['participants']);
    },
    decideAmendment: (result, _args, cache) => {
      // An approved correction revokes and requeues: the call's issuance counts change.
      const outcome = result.decideAmendment as { data?: { call?: { id?: string } } } | null;
      const callId = outcome?.data?.call?.id;
      if (succeeded(result, 'decideAmendment') && callId)
        invalidateCallFields(cache, callId, ['issuanceProgress']);
    },
    // Pathways. A saved draft, a publication (which retires the version before it) and a
    // retirement come back with every version's status; the list shows one row per pathway from
    // all versions, so it is read again.
    createPathway: (result, _args, cache) => {
      if (succeeded(result, 'createPathway')) invalidateRootField(cache, 'pathways');
    },
    savePathwayDraft: (result, _args, cache) => {
      if (succeeded(result, 'savePathwayDraft')) invalidateRootField(cache, 'pathways');
    },
    publishPathway: (result, _args, cache) => {
      if (succeeded(result, 'publishPathway')) invalidateRootField(cache, 'pathways');
    },
    retirePathway: (result, _args, cache) => {
      if (succeeded(result, 'retirePathway')) invalidateRootField(cache, 'pathways');
    },
    // RPL. A programme's page reads its intakes, profiles and rules through `studyProgramme`;
    // a change to any of them drops the programme pages read so far (one or two at a time).
    createStudyProgramme: (result, _args, cache) => {
      if (succeeded(result, 'createStudyProgramme')) invalidateRootField(cache, 'managedStudyProgrammes');
    },
    updateStudyProgramme: (result, _args, cache) => {
      if (succeeded(result, 'updateStudyProgramme')) invalidateRootField(cache, 'managedStudyProgrammes');
    },
    createRplIntake: (result, _args, cache) => {
      if (!succeeded(result, 'createRplIntake')) return;
      invalidateRootField(cache, 'studyProgramme');
      invalidateRootField(cache, 'managedStudyProgrammes');
    },
    saveRegulationProfile: (result, _args, cache) => {
      if (!succeeded(result, 'saveRegulationProfile')) return;
      invalidateRootField(cache, 'studyProgramme');
      invalidateRootField(cache, 'nationalRegulationProfiles');
    },
    saveEquivalenceRuleDraft: (result, _args, cache) => {
      if (succeeded(result, 'saveEquivalenceRuleDraft')) invalidateRootField(cache, 'studyProgramme');
    },
    approveEquivalenceRule: (result, _args, cache) => {
      if (succeeded(result, 'approveEquivalenceRule')) invalidateRootField(cache, 'studyProgramme');
    },
    retireEquivalenceRule: (result, _args, cache) => {
      if (succeeded(result, 'retireEquivalenceRule')) invalidateRootField(cache, 'studyProgramme');
    },
    discardEquivalenceRuleDraft: (result, _args, cache) => {
      if (succeeded(result, 'discardEquivalenceRuleDraft')) invalidateRootField(cache, 'studyProgramme');
    },
    requestRplEvidence: (result, _args, cache) => {
      if (succeeded(result, 'requestRplEvidence')) invalidateRootField(cache, 'rplApplications');
    },
    // A decided review leaves the open list for the decided one.
    decidePathwayAwardReview: (result, _args, cache) => {
      if (succeeded(result, 'decidePathwayAwardReview')) invalidateRootField(cache, 'pathwayAwardReviews');
    },
    // RPL cases: the reviewers' steps (lib/rpl-case-updates.ts).
    ...rplCaseUpdates,
  },
};
