import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { readProblem } from '#lib/mutation-result.ts';

const messages = { network: 'offline', unknown: 'unknown' };

describe('readProblem', () => {
  it('sees no problem in a success', () => {
    expect(readProblem({ __typename: 'PublishTrainingCallSuccess' }, undefined, messages)).toBeNull();
  });

  it('passes on an error type with its field errors', () => {
    const fieldErrors = [{ path: ['input', 'endDate'], message: 'Tanggal selesai…' }];
    expect(readProblem({ message: 'Periksa kembali', fieldErrors }, undefined, messages)).toEqual({
      message: 'Periksa kembali',
      fieldErrors,
    });
  });

  it('passes on an error type without field errors', () => {
    expect(readProblem({ message: 'Lowongan berstatus Ditutup…' }, undefined, messages)).toEqual({
      message: 'Lowongan berstatus Ditutup…',
      fieldErrors: [],
    });
  });

  it('names a network failure', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(readProblem(undefined, error, messages)?.message).toBe('offline');
  });

  it("uses the API's message for a GraphQL error", () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'Anda tidak berhak melakukan ini.' }] });
    expect(readProblem(undefined, error, messages)?.message).toBe('Anda tidak berhak melakukan ini.');
  });

  it('reports an empty answer', () => {
    expect(readProblem(null, undefined, messages)?.message).toBe('unknown');
  });
});
