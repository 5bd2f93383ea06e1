import { type Actor, hasRole } from '@kmg/core/actor';
import { AppError, NotAllowedError, NotFoundError, ValidationError } from '@kmg/core/errors';
import { db } from '@kmg/db';
import type PrismaTypes from '@kmg/db/pothos-types';
import { getDatamodel } from '@kmg/db/pothos-types';
import { translateError } from '@kmg/domain';
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';

/**
 * A request's context: the actor, and what the server does once a mutation's transaction has
 * committed (the schema holds no storage of its own).
 */
export type GraphqlContext = Actor & {
  /** Deletes stored files whose records are gone; a failure is logged, not the mutation's. */
  discardStoredFiles(storageKeys: readonly string[]): Promise<void>;
};

export const builder = new SchemaBuilder<{
  Context: GraphqlContext;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    LocalDate: { Input: string; Output: Date | string };
  };
  // Request scopes only (signed in, roles). Whether the viewer may read or change one record comes
  // from @kmg/core/rules, called by the field or type that needs it.
  AuthScopes: {
    signedIn: boolean;
    anonymous: boolean;
    admin: boolean;
    programManager: boolean;
    providerStaff: boolean;
    teacher: boolean;
    principal: boolean;
    rplReviewer: boolean;
    selectionReviewer: boolean;
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ErrorsPlugin, ValidationPlugin, DataloaderPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({
      signedIn: ctx.viewer !== null,
      anonymous: ctx.viewer === null,
      admin: hasRole(ctx.viewer, 'ADMIN'),
      programManager: hasRole(ctx.viewer, 'PROGRAM_MANAGER'),
      providerStaff: hasRole(ctx.viewer, 'PROVIDER_STAFF'),
      teacher: hasRole(ctx.viewer, 'TEACHER'),
      principal: hasRole(ctx.viewer, 'PRINCIPAL'),
      rplReviewer: hasRole(ctx.viewer, 'RPL_REVIEWER'),
      selectionReviewer: hasRole(ctx.viewer, 'SELECTION_REVIEWER'),
    }),
    unauthorizedError: (_parent, ctx) => {
      const code = ctx.viewer ? 'FORBIDDEN' : 'UNAUTHENTICATED';
      return new GraphQLError(translateError(code, ctx.locale), { extensions: { code } });
    },
  },
  prisma: {
    client: () => db(),
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
    maxConnectionSize: 100,
    defaultConnectionSize: 20,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  errors: {
    // Every mutation may answer with bad input, a missing record or a refusal for this record.
    defaultTypes: [AppError, ValidationError, NotFoundError, NotAllowedError],
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
  },
  validation: {
    // Only query arguments (page sizes, search text) use the plugin; mutation input is parsed in
    // the resolver after authorization (see errors.ts, parseInput).
    validationError: (result, _args, ctx) =>
      new GraphQLError(translateError('VALIDATION', ctx.locale), {
        extensions: { code: 'BAD_USER_INPUT', issues: result.issues.map((issue) => issue.message) },
      }),
  },
});

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
