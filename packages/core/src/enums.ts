// Enums are declared once, in schema.prisma. The domain and credentials packages import nothing
// from @kmg/db, so they spell the same values as literal unions; these checks fail type-checking
// the moment a union and the stored enum differ, in either direction.
import type { AchievementType as CredentialAchievementType, StatusPurpose } from '@kmg/credentials';
import type * as Stored from '@kmg/db';
import type * as Domain from '@kmg/domain';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agree<A, B> = Same<A, B> extends true ? true : never;

export type EnumsAgree = [
  Agree<Stored.OutcomeReason, Domain.OutcomeReason>,
  Agree<Stored.StatusListPurpose, StatusPurpose>,
  Agree<Stored.AchievementType, CredentialAchievementType>,
  Agree<Stored.ApplicationStatus, Domain.ApplicationStatus>,
  Agree<Stored.CallStatus, Domain.CallStatus>,
  Agree<Stored.DeliveryMode, Domain.DeliveryMode>,
  Agree<Stored.SelectionMode, Domain.SelectionMode>,
  Agree<Stored.AssessmentKind, Domain.AssessmentKind>,
  Agree<Stored.UnitDecision, Domain.UnitDecision>,
  Agree<Stored.SchoolStatus, Domain.SchoolStatus>,
  Agree<Stored.EmploymentStatus, Domain.EmploymentStatus>,
  Agree<Stored.Locale, Domain.Locale>,
  Agree<Stored.Gender, Domain.Gender>,
];

/** Instantiated so a disagreement (a `never` above) is an error here, not a silently odd type. */
export const enumsAgree: EnumsAgree = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];
