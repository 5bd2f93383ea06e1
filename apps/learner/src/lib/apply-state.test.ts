import { describe, expect, it } from 'vitest';
import { type ApplyCall, type ApplyViewer, decideApplyState } from '#lib/apply-state.ts';

const now = new Date('2026-11-24T03:00:00Z');
const open: ApplyCall = {
  status: 'OPEN',
  isAcceptingApplications: true,
  applicationOpensAt: '2026-11-01T00:00:00Z',
  viewerApplication: null,
  viewerEligibility: { eligible: true },
};
const closed: ApplyCall = { ...open, isAcceptingApplications: false };
const teacher: ApplyViewer = { isTeacher: true };
const principal: ApplyViewer = { isTeacher: false };

describe('decideApplyState', () => {
  it.each<[string, ApplyCall, ApplyViewer, ReturnType<typeof decideApplyState>]>([
    ['a teacher sees the form on an open call', open, teacher, { kind: 'form', isReapplying: false }],
    [
      'a teacher who withdrew may apply again',
      { ...open, viewerApplication: { status: 'WITHDRAWN' } },
      teacher,
      { kind: 'form', isReapplying: true },
    ],
    [
      'an anonymous visitor is asked to sign in',
      { ...open, viewerEligibility: null },
      null,
      { kind: 'signIn' },
    ],
    [
      'a principal is told only teachers apply',
      { ...open, viewerEligibility: null },
      principal,
      { kind: 'notTeacher' },
    ],
    [
      'a teacher the rules exclude is told why instead of writing in vain',
      { ...open, viewerEligibility: { eligible: false } },
      teacher,
      { kind: 'notEligible' },
    ],
    [
      'an applicant sees their application, even after the window closed',
      { ...closed, viewerApplication: { status: 'SUBMITTED' } },
      teacher,
      { kind: 'applied' },
    ],
    [
      'a selected teacher sees their seat to confirm',
      { ...closed, status: 'CLOSED', viewerApplication: { status: 'ACCEPTED' } },
      teacher,
      { kind: 'applied' },
    ],
    [
      'a teacher who was not selected still sees the outcome',
      { ...closed, status: 'CLOSED', viewerApplication: { status: 'REJECTED' } },
      teacher,
      { kind: 'applied' },
    ],
    [
      'an open call whose window has not started says so',
      { ...closed, applicationOpensAt: '2026-12-01T00:00:00Z' },
      null,
      { kind: 'notYetOpen' },
    ],
    ['an open call past its deadline is closed', closed, teacher, { kind: 'closed' }],
    ['a completed call is closed', { ...closed, status: 'COMPLETED' }, null, { kind: 'closed' }],
    [
      'a cancelled call says it was cancelled',
      { ...closed, status: 'CANCELLED' },
      teacher,
      { kind: 'cancelled' },
    ],
    [
      'a withdrawn application on a closed call cannot be renewed',
      { ...closed, status: 'CLOSED', viewerApplication: { status: 'WITHDRAWN' } },
      teacher,
      { kind: 'closed' },
    ],
  ])('%s', (_case, call, viewer, expected) => {
    expect(decideApplyState(call, viewer, now)).toEqual(expected);
  });
});
