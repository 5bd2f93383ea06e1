import { localDate } from '@kmg/core/dates';
import { isLocalDate } from '@kmg/domain';
import { GraphQLError, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { builder } from '#builder.ts';

builder.addScalarType('DateTime', DateTimeResolver);

function toLocalDate(value: unknown): string {
  if (typeof value === 'string' && isLocalDate(value)) return value;
  throw new GraphQLError('LocalDate must be a calendar date written YYYY-MM-DD', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

// A calendar date that never passes through a time zone: training days are the same date in
// Jakarta, Makassar and Jayapura. (graphql-scalars' Date turns input into a JS Date at UTC midnight.)
builder.scalarType('LocalDate', {
  description: 'A calendar date, YYYY-MM-DD, with no time zone.',
  serialize: (value) => (value instanceof Date ? localDate(value) : toLocalDate(value)),
  parseValue: toLocalDate,
  parseLiteral: (ast) => toLocalDate(ast.kind === Kind.STRING ? ast.value : null),
});
