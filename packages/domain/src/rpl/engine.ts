import type {
  EquivalenceRule,
  Intake,
  RecognitionInput,
  RecognitionProposal,
  ResolvedRegulation,
  RplCredential,
  StudyProgramme,
} from '#rpl/types.ts';

/** The proposal for one teacher (implementation follows). */
export function proposeRecognition(input: RecognitionInput): RecognitionProposal {
  return createRecognitionEstimator(input)(input.credentials);
}

export type RecognitionContext = {
  regulation: ResolvedRegulation;
  programme: StudyProgramme;
  rules: EquivalenceRule[];
  intake: Intake;
};

export function createRecognitionEstimator(
  _context: RecognitionContext,
): (credentials: readonly RplCredential[]) => RecognitionProposal {
  throw new Error('not implemented yet');
}

/** A hypothetical addition: an open training's achievement, a pathway award. */
export type RecognitionCandidate = { key: string; credential: RplCredential };

export type RecognitionGain = {
  key: string;
  /** SKS the proposal would gain with this credential added (0 when none). */
  gainSks: number;
  /** Courses proposed with it that are not proposed without it. */
  addedCourseIds: string[];
  /** Courses proposed without it that it displaces (the cap or a limit), if any. */
  removedCourseIds: string[];
};

export function findRecognitionGains(
  _input: RecognitionContext & {
    credentials: readonly RplCredential[];
    candidates: readonly RecognitionCandidate[];
  },
): RecognitionGain[] {
  throw new Error('not implemented yet');
}
