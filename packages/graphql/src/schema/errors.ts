import {
  AlreadyAppliedError,
  AppError,
  ApplicationClosedError,
  InvalidStateError,
  NotAllowedError,
  NotEligibleError,
  NotFoundError,
  ValidationError,
} from '@kmg/core/errors';
import {
  type EligibilityReason,
  type ErrorCode,
  errorCodes,
  type FieldIssue,
  translateError,
} from '@kmg/domain';
import { builder } from '#builder.ts';

export const ErrorCodeEnum = builder.enumType('ErrorCode', { values: errorCodes });

export const ErrorInterface = builder.interfaceRef<AppError>('Error').implement({
  description: 'An expected outcome the app should show: bad input, or a rule that refuses the action.',
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (error) => error.code as ErrorCode }),
    message: t.string({
      description: "Written for the user, in the request's language.",
      resolve: (error, _args, ctx) => translateError(error.code, ctx.locale, error.params),
    }),
  }),
});

const FieldErrorRef = builder.objectRef<FieldIssue>('FieldError').implement({
  description: 'What is wrong with one input field.',
  fields: (t) => ({
    path: t.exposeStringList('path', {
      description: 'Path of the field in the input, e.g. ["input", "endDate"].',
    }),
    code: t.field({ type: ErrorCodeEnum, resolve: (issue) => issue.code }),
    message: t.string({
      resolve: (issue, _args, ctx) => translateError(issue.code, ctx.locale, issue.params),
    }),
  }),
});

builder.objectType(AppError, { name: 'BaseError', interfaces: [ErrorInterface] });

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fieldErrors: t.field({ type: [FieldErrorRef], resolve: (error) => error.issues }),
  }),
});

for (const [ErrorClass, name] of [
  [NotFoundError, 'NotFoundError'],
  [ApplicationClosedError, 'ApplicationClosedError'],
  [AlreadyAppliedError, 'AlreadyAppliedError'],
  [InvalidStateError, 'InvalidStateError'],
  [NotAllowedError, 'NotAllowedError'],
] as const) {
  builder.objectType(ErrorClass, { name, interfaces: [ErrorInterface] });
}

export const EligibilityReasonRef = builder.objectRef<EligibilityReason>('EligibilityReason').implement({
  description: 'A rule the teacher does not meet, and why, in their language.',
  fields: (t) => ({
    rule: t.exposeString('rule'),
    code: t.field({ type: ErrorCodeEnum, resolve: (reason) => reason.code }),
    message: t.string({
      resolve: (reason, _args, ctx) => translateError(reason.code, ctx.locale, reason.params),
    }),
  }),
});

builder.objectType(NotEligibleError, {
  name: 'NotEligibleError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reasons: t.field({ type: [EligibilityReasonRef], resolve: (error) => error.reasons }) }),
});
