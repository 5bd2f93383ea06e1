import type { ApplicationStatus, CallStatus } from '@kmg/domain';

export type ApplyViewer = { isTeacher: boolean } | null;

export type ApplyCall = {
  status: CallStatus;
  /** The API's verdict at request time; the window dates only explain a "no". */
  isAcceptingApplications: boolean;
  applicationOpensAt: string;
  viewerApplication: { status: ApplicationStatus } | null;
  /** For a signed-in teacher: whether the call's rules let them apply. */
  viewerEligibility: { eligible: boolean } | null;
};

/** What the apply section of a call shows to this viewer. */
export type ApplyState =
  /** The viewer has an application here (in selection, decided, or closed): show where it stands. */
  | { kind: 'applied' }
  | { kind: 'form'; isReapplying: boolean }
  | { kind: 'signIn' }
  | { kind: 'notTeacher' }
  /** A rule of the call (subject, years of teaching...) excludes this teacher: say which. */
  | { kind: 'notEligible' }
  | { kind: 'notYetOpen' }
  | { kind: 'closed' }
  | { kind: 'cancelled' };

export function decideApplyState(call: ApplyCall, viewer: ApplyViewer, now: Date): ApplyState {
  const application = call.viewerApplication;
  if (application && application.status !== 'WITHDRAWN') return { kind: 'applied' };
  if (!call.isAcceptingApplications) {
    if (call.status === 'CANCELLED') return { kind: 'cancelled' };
    if (call.status === 'OPEN' && now < new Date(call.applicationOpensAt)) return { kind: 'notYetOpen' };
    return { kind: 'closed' };
  }
  if (!viewer) return { kind: 'signIn' };
  if (!viewer.isTeacher) return { kind: 'notTeacher' };
  if (call.viewerEligibility?.eligible === false) return { kind: 'notEligible' };
  // One application per teacher per call: a withdrawn one is submitted again.
  return { kind: 'form', isReapplying: application?.status === 'WITHDRAWN' };
}
