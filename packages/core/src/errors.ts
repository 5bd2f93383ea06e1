import type { EligibilityReason, ErrorCode, FieldIssue, MessageParams } from '@kmg/domain';
import { toFieldIssues } from '@kmg/domain';
import type { z } from 'zod';

/**
 * An expected outcome the client should handle (bad input, a rule that refuses the action). The
 * errors plugin turns these into schema types; the message is written in the request's language
 * when the client reads it.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: MessageParams;

  constructor(code: ErrorCode, params: MessageParams = {}) {
    super(code);
    this.name = new.target.name;
    this.code = code;
    this.params = params;
  }
}

/** Input broke field rules; `issues` point at the fields. */
export class ValidationError extends AppError {
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    super('VALIDATION');
    this.issues = issues;
  }
}

export class NotFoundError extends AppError {
  constructor() {
    super('NOT_FOUND');
  }
}

/** The call does not take applications now (not open, window not started or over). */
export class ApplicationClosedError extends AppError {}

export class AlreadyAppliedError extends AppError {
  constructor() {
    super('ALREADY_APPLIED');
  }
}

/** The teacher does not meet the call's rules; every failing rule is listed. */
export class NotEligibleError extends AppError {
  readonly reasons: EligibilityReason[];

  constructor(reasons: EligibilityReason[]) {
    super('NOT_ELIGIBLE');
    this.reasons = reasons;
  }
}

/** The record is in a state that does not allow this action. */
export class InvalidStateError extends AppError {}

/** The viewer may use this operation, but not on this record. */
export class NotAllowedError extends AppError {}

/**
 * Parses input with a domain schema. Resolvers call this after authorization has passed, so an
 * anonymous caller learns nothing from validation (Pothos' validation plugin would run first).
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, path: string[] = []): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error.issues, path));
  return result.data;
}
