import type { ApiFieldError } from '@kmg/ui';
import type { CombinedError } from 'urql';
import { graphql } from '#graphql.ts';

/** Why a mutation did not go through: the message to show and any fields it points at. */
export type MutationProblem = { message: string; fieldErrors: readonly ApiFieldError[] };

/**
 * What every mutation asks of a refusal, spread beside its success type. Unmasked: `readProblem`
 * reads the fields directly.
 */
export const MutationProblem_error = graphql(`
  fragment MutationProblem_error on Error @_unmask {
    message
    ... on InvalidStateError { code }
    ... on ValidationError { fieldErrors { path message } }
  }
`);

type ResultUnion = { __typename?: string } | { message: string; fieldErrors?: readonly ApiFieldError[] };

/**
 * Reads a mutation's outcome. Expected refusals arrive as error types in the result union (their
 * message already in the request's language); a transport failure or a bug arrives as `error`.
 */
export function readProblem(
  result: ResultUnion | null | undefined,
  error: CombinedError | undefined,
  messages: { network: string; unknown: string },
): MutationProblem | null {
  if (error) {
    const message = error.networkError
      ? messages.network
      : (error.graphQLErrors[0]?.message ?? messages.unknown);
    return { message, fieldErrors: [] };
  }
  if (!result) return { message: messages.unknown, fieldErrors: [] };
  if ('message' in result) return { message: result.message, fieldErrors: result.fieldErrors ?? [] };
  return null;
}
