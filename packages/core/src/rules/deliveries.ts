/**
 * Who reads and writes what a training delivers: attendance, unit assessments, evidence, results
 * and their amendments (the words are those of rules/calls.ts).
 *
 * - Recording (attendance, assessments, evidence, the credential template, submitting results,
 *   proposing amendments) is `deliver`; approving or returning results and deciding amendments
 *   is `manage`. Services check both with the call locked (calls/lock-call.ts).
 * - Attendance, amendments, issuance errors, the participant list and the results history are
 *   read by those who deliver the call.
 * - Unit assessments are read with their application (whoever sees it).
 * - An evidence file is read by the participant it concerns and those who deliver the call.
 */
import type { Prisma } from '@kmg/db';
import type { Actor, CallOwnership } from '#actor.ts';
import { ofDeliveredCalls } from '#rules/applications.ts';
import { anyOf, grant, grantIf, type Rule, through, whereOf } from '#rules/rule.ts';

type EvidenceWhere = Prisma.EvidenceWhereInput;

/** Attendance, amendments, issuance errors of an application: for those who deliver its call. */
export function canSeeDeliveryRecordsOf(
  actor: Actor,
  application: { callId: string; call?: CallOwnership },
): Promise<boolean> {
  return ofDeliveredCalls(actor).allows(application);
}

export type EvidenceRow = {
  assessment: { application: { teacherId: string; callId: string; call?: CallOwnership } };
};

function evidenceRule(actor: Actor): Rule<EvidenceWhere, EvidenceRow> {
  const viewerId = actor.viewer?.id;
  return anyOf(
    grantIf(!!viewerId, () =>
      grant<EvidenceWhere, EvidenceRow>(
        { assessment: { application: { teacherId: viewerId as string } } },
        (evidence) => evidence.assessment.application.teacherId === viewerId,
      ),
    ),
    through(
      ofDeliveredCalls(actor),
      (application) => ({ assessment: { application } }),
      (evidence) => evidence.assessment.application,
    ),
  );
}

/** The evidence the actor may read, as a `where` for lists. */
export function evidenceWhere(actor: Actor): Promise<EvidenceWhere> {
  return whereOf(evidenceRule(actor));
}

export function canSeeEvidence(actor: Actor, evidence: EvidenceRow): Promise<boolean> {
  return evidenceRule(actor).allows(evidence);
}
