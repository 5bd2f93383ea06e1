import type { Cache, UpdateResolver } from '@urql/exchange-graphcache';

// After a step on an RPL case: the case itself comes back whole with each step (or, where the
// mutation answers with something else, is read again), and the lists it may move in or out of
// are read again when shown: the queue (every view and filter), a programme's applicants, the
// decrees.

function invalidateRootField(cache: Cache, fieldName: string) {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === fieldName) cache.invalidate('Query', field.fieldName, field.arguments);
  }
}

function succeeded(result: Record<string, unknown>, field: string): boolean {
  const outcome = result[field] as { __typename?: string } | null | undefined;
  return outcome?.__typename?.endsWith('Success') ?? false;
}

const invalidateCase = (cache: Cache, id: unknown) =>
  cache.invalidate({ __typename: 'RplApplication', id: String(id) });

function invalidateLists(cache: Cache) {
  invalidateRootField(cache, 'rplQueue');
  invalidateRootField(cache, 'rplApplications');
}

/** A step answering with the whole case: only the lists are read again. */
const caseStep =
  (field: string): UpdateResolver =>
  (result, _args, cache) => {
    if (succeeded(result, field)) invalidateLists(cache);
  };

export const rplCaseUpdates: Record<string, UpdateResolver> = {
  acceptRplCase: caseStep('acceptRplCase'),
  returnRplCaseToTeacher: caseStep('returnRplCaseToTeacher'),
  saveRplAssessment: caseStep('saveRplAssessment'),
  completeRplAssessment: caseStep('completeRplAssessment'),
  decideRplCase: caseStep('decideRplCase'),
  validateRplCase: caseStep('validateRplCase'),
  returnRplCaseToCommittee: caseStep('returnRplCaseToCommittee'),
  // Answers with a count: the cases (their people) are read again where shown.
  assignRplAssessors: (result, args, cache) => {
    if (!succeeded(result, 'assignRplAssessors')) return;
    for (const id of (args.applicationIds as string[] | undefined) ?? []) invalidateCase(cache, id);
    invalidateLists(cache);
  },
  // Answers with the decree: the case (status, decree, recognition) is read again, and the decrees.
  issueRplDecree: (result, args, cache) => {
    if (!succeeded(result, 'issueRplDecree')) return;
    if (args.applicationId) invalidateCase(cache, args.applicationId);
    else
      for (const field of cache.inspectFields('Query'))
        if (field.fieldName === 'rplApplication') cache.invalidate('Query', field.fieldName, field.arguments);
    invalidateLists(cache);
    invalidateRootField(cache, 'rplDecrees');
  },
  // A new draft rule: the programme's rule lists are read again.
  proposeRplPrecedent: (result, _args, cache) => {
    if (succeeded(result, 'proposeRplPrecedent')) invalidateRootField(cache, 'studyProgramme');
  },
};
