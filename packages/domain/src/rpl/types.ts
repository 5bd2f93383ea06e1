import type { LocalDate } from '#dates.ts';
import type { RplCaseRole } from '#rpl-review/case-machine.ts';

/**
 * RPL (Rekognisi Pembelajaran Lampau, recognition of prior learning), type A2 "perolehan SKS":
 * a teacher's KMG credentials are compared with a study programme's equivalence rules, and the
 * engine proposes which courses to recognise and with how many SKS (satuan kredit semester,
 * semester credit units). The proposal is what an assessor starts from; the committee decides.
 * Training hours and SKS stay separate: hours are evidence a rule may ask for, SKS are awarded by
 * rules, never converted from hours.
 */

export type DegreeLevel = 'D3' | 'D4' | 'S1' | 'S2' | 'S3';
export type CourseKind = 'REGULAR' | 'FINAL_PROJECT' | 'INTERNSHIP';
/** BAN-PT / LAM grades, both the new (UNGGUL, BAIK_SEKALI, BAIK) and old (A, B, C) scale; A≡UNGGUL, B≡BAIK_SEKALI, C≡BAIK. */
export type Accreditation = 'UNGGUL' | 'BAIK_SEKALI' | 'BAIK' | 'A' | 'B' | 'C';
export type ProfileLayer = 'NATIONAL' | 'UNIVERSITY' | 'PROGRAMME';

/** Every field optional in a layer: a layer sets only what it overrides (null sets "no limit"). */
export type RegulationLimits = {
  /** 0.7 = 70 % of the programme's SKS, rounded down; null = no limit. */
  maxShareOfProgramme?: number | null;
  /** Absolute cap, e.g. 100; null = no limit. */
  maxSks?: number | null;
  /** Courses recognised at most; null = no limit. */
  maxCourses?: number | null;
  /** Course kinds never recognised, e.g. ['FINAL_PROJECT'] (skripsi/tugas akhir). */
  excludedCourseKinds?: CourseKind[];
  /** Degree levels whose programmes run no RPL, e.g. ['S3']. */
  degreeLevelsWithoutRpl?: DegreeLevel[];
  /** Programmes accredited below this (or unaccredited, or expired) run no RPL; null = any. */
  minAccreditation?: Accreditation | null;
  /** At least n semesters of study left: cap = totalSks - n * ceil(totalSks / semesters). */
  minSemestersRemaining?: number | null;
  /** Evidence issued more than this many years before the intake cut-off does not count (exactly n years counts). */
  recencyYears?: number | null;
  /** The credential must be unexpired and not revoked or suspended at the cut-off. */
  requireValidAtCutoff?: boolean;
  /** A credential may support at most k recognised courses; null = unlimited. */
  maxCoursesPerCredential?: number | null;
  /** Weight share of a course's CPMK a rule with coverage 'DEFAULT' must cover, e.g. 0.75. */
  defaultMinCoverage?: number;
  /** Hours of learning in one SKS: 45 (Permendikbudristek 53/2023). Reported, never used to award SKS. */
  hoursPerSks?: number;
  /**
   * Four-eyes: pairs of case roles one person may not hold on the same case (e.g. an assessor who
   * also validates). The reviewers' workflow applies the profile in force at submission.
   */
  forbiddenRolePairs?: [RplCaseRole, RplCaseRole][];
};

/**
 * One version of one layer's rules. In force from `effectiveFrom` through `effectiveTo` (both
 * included; null = without end).
 */
export type RegulationProfile = {
  id: string;
  layer: ProfileLayer;
  version: number;
  citation: string;
  effectiveFrom: LocalDate;
  effectiveTo: LocalDate | null;
  limits: RegulationLimits;
};

/** Where a limit came from; null = the engine's built-in default (no layer set it). */
export type LimitSource = { layer: ProfileLayer; profileId: string; version: number; citation: string };

export type ResolvedLimit<T> = { value: T; source: LimitSource | null };

export type ResolvedRegulation = {
  [K in keyof Required<RegulationLimits>]: ResolvedLimit<Exclude<RegulationLimits[K], undefined>>;
};

/** A course learning outcome (CPMK, capaian pembelajaran mata kuliah) and its weight in the course. */
export type CourseOutcome = { code: string; weight: number };

export type Course = {
  id: string;
  code: string;
  sks: number;
  semester: number;
  kind: CourseKind;
  outcomes: CourseOutcome[];
};

export type StudyProgramme = {
  id: string;
  degree: DegreeLevel;
  accreditation: Accreditation | null;
  /** Last day the accreditation holds; null = no end date recorded. */
  accreditationExpiresOn: LocalDate | null;
  totalSks: number;
  semesters: number;
  rplOffered: boolean;
  courses: Course[];
};

/** What evidence a rule needs; every requirement of a rule must hold. */
export type RuleRequirement =
  /** A credential for this achievement (any version). */
  | { kind: 'ACHIEVEMENT'; achievementCode: string }
  /** A credential with that SKKNI unit assessed Kompeten (K). */
  | { kind: 'SKKNI_UNIT'; unitCode: string }
  /** A pathway credential. */
  | { kind: 'PATHWAY'; pathwayCode: string }
  /** A credential whose achievement carries that learning outcome. */
  | { kind: 'LEARNING_OUTCOME'; achievementCode: string; outcomeCode: string }
  /**
   * The credentials the rule's other requirements use total at least this many training hours
   * (the engine picks among the credentials that meet them; an hours requirement alone meets nothing).
   */
  | { kind: 'HOURS'; minimum: number };

/** Weight share of the course's CPMK the rule's covered outcomes must reach. */
export type RuleCoverage = { kind: 'ALL' } | { kind: 'MIN'; minimum: number } | { kind: 'DEFAULT' };

/** An equivalence rule: this evidence recognises this course (versioned; the caller passes the versions in force). */
export type EquivalenceRule = {
  id: string;
  version: number;
  code: string;
  courseId: string;
  /** All must hold. */
  requirements: RuleRequirement[];
  /** CPMK codes of the course this evidence covers. */
  coveredOutcomes: string[];
  coverage: RuleCoverage;
  /** SKS recognised; the course gets min(sks, course.sks). */
  sks: number;
};

export type RplCredential = {
  id: string;
  achievementCode: string | null;
  pathwayCode: string | null;
  issuedOn: LocalDate;
  /** Last day it is valid; null = does not expire. */
  validUntil: LocalDate | null;
  revokedOn: LocalDate | null;
  suspendedOn: LocalDate | null;
  hours: number;
  units: { unitCode: string; result: 'K' | 'BK' }[];
  outcomeCodes: string[];
};

export type Intake = { id: string; cutoffDate: LocalDate };

export type IneligibleReason =
  | 'RPL_NOT_OFFERED'
  | 'DEGREE_WITHOUT_RPL'
  | 'ACCREDITATION_TOO_LOW'
  | 'ACCREDITATION_EXPIRED';

/** Why one credential does not count for one requirement. */
export type CredentialReason =
  | 'EVIDENCE_TOO_OLD'
  | 'CREDENTIAL_REVOKED'
  | 'CREDENTIAL_SUSPENDED'
  | 'CREDENTIAL_EXPIRED'
  /** Issued after the cut-off: not evidence at the cut-off. */
  | 'CREDENTIAL_NOT_YET_ISSUED'
  /** The unit was assessed Belum Kompeten (BK). */
  | 'NOT_COMPETENT';

export type NotProposedReason =
  | 'NO_RULE'
  | 'COURSE_KIND_EXCLUDED'
  | 'CAP_REACHED'
  | 'MAX_COURSES_REACHED'
  | 'CREDENTIAL_LIMIT'
  | 'MISSING_EVIDENCE'
  | 'COVERAGE_TOO_LOW'
  /** The credentials meeting the other requirements total fewer hours than the rule asks. */
  | 'HOURS_TOO_FEW'
  | CredentialReason;

export type IneligibleDetail = {
  code: IneligibleReason;
  source: LimitSource | null;
  /** E.g. the programme's accreditation and the minimum, or the expiry date. */
  params?: Record<string, string | number>;
};

/** One requirement of a rule that no usable credential meets. */
export type UnmetRequirement = {
  requirementIndex: number;
  requirement: RuleRequirement;
  reason: NotProposedReason;
  /** The credentials that would have met it but do not count, each with its reason. */
  credentials: { credentialId: string; reason: CredentialReason }[];
};

/** How a rule fared for this teacher. */
export type RuleTrial = {
  ruleId: string;
  ruleVersion: number;
  ruleCode: string;
  /** Weight share of the course's CPMK the rule covers (0..1) and the share it must reach. */
  coverage: number;
  requiredCoverage: number;
  /** Null when the rule is met by usable credentials. */
  reason: NotProposedReason | null;
  unmet: UnmetRequirement[];
};

export type ProposedCourse = {
  courseId: string;
  courseCode: string;
  semester: number;
  sks: number;
  ruleId: string;
  ruleVersion: number;
  credentialIds: string[];
  /** Weight share of the course's CPMK the rule covers, 0..1. */
  coverage: number;
};

export type NotProposedCourse = {
  courseId: string;
  courseCode: string;
  semester: number;
  reason: NotProposedReason;
  /** Every rule for the course, in the order the engine tried them. */
  rules: RuleTrial[];
  /** For CREDENTIAL_LIMIT: the credentials already supporting their maximum number of courses. */
  exhaustedCredentialIds?: string[];
  /** The limit behind CAP_REACHED, MAX_COURSES_REACHED, CREDENTIAL_LIMIT, COURSE_KIND_EXCLUDED. */
  source?: LimitSource | null;
};

/** The limit that sets the SKS cap (the smallest of the three). */
export type SksCapLimit = 'maxShareOfProgramme' | 'maxSks' | 'minSemestersRemaining';

export type RecognitionProposal =
  | { kind: 'ineligible'; reasons: IneligibleDetail[] }
  | {
      kind: 'proposal';
      totalSks: number;
      /** Null = no SKS cap. */
      capSks: number | null;
      capSource: { limit: SksCapLimit; source: LimitSource | null } | null;
      courseCount: number;
      /**
       * False when the search stopped at its node budget (a safety net no realistic case reaches):
       * the proposal respects every limit but may not be the largest, an estimate ("perkiraan").
       */
      isProvenOptimal: boolean;
      /** In course order (semester, code). */
      proposed: ProposedCourse[];
      /** Every other course of the programme, in course order. */
      notProposed: NotProposedCourse[];
      /** Training hours of the distinct credentials used (reported beside SKS, never converted). */
      hoursUsed: number;
    };

export type RecognitionInput = {
  regulation: ResolvedRegulation;
  programme: StudyProgramme;
  rules: EquivalenceRule[];
  credentials: RplCredential[];
  intake: Intake;
};
