import { ImportRefusedError, importExternalCredential } from '@kmg/core/pathways/import';
import { db } from '@kmg/db';
import { builder } from '#builder.ts';
import { ErrorInterface } from '#schema/errors.ts';

builder.objectType(ImportRefusedError, {
  name: 'ImportRefusedError',
  description: 'The credential was verified and refused; `code` and `message` say why.',
  interfaces: [ErrorInterface],
});

export const ImportedCredentialRef = builder.prismaNode('ExternalCredential', {
  name: 'ImportedCredential',
  id: { field: 'id' },
  description: 'An Open Badges 3.0 credential issued elsewhere that the teacher imported, as verified then.',
  fields: (t) => ({
    credentialId: t.exposeString('id', { description: 'The uuid pathway awards name it by.' }),
    credentialUri: t.exposeString('credentialUri'),
    achievementUri: t.exposeString('achievementUri'),
    achievementName: t.exposeString('achievementName'),
    issuerUri: t.exposeString('issuerUri'),
    issuerName: t.exposeString('issuerName'),
    validFrom: t.expose('validFrom', { type: 'DateTime' }),
    validUntil: t.expose('validUntil', { type: 'DateTime', nullable: true }),
    hours: t.exposeInt('hours'),
    sks: t.float({ resolve: (row) => row.sksHundredths / 100 }),
    sourceUrl: t.exposeString('sourceUrl', { nullable: true }),
    importedAt: t.expose('importedAt', { type: 'DateTime' }),
    verification: t.string({
      description: 'The checks run at import (JSON), as the verifier reported them.',
      resolve: (row) => JSON.stringify(row.verification),
    }),
    document: t.string({
      description: 'The credential exactly as received (JSON).',
      resolve: (row) => JSON.stringify(row.document),
    }),
  }),
});

builder.queryFields((t) => ({
  myImportedCredentials: t.prismaField({
    type: [ImportedCredentialRef],
    description: "The signed-in teacher's imported credentials, newest first.",
    authScopes: { teacher: true },
    resolve: (query, _root, _args, ctx) =>
      db().externalCredential.findMany({
        ...query,
        where: { teacherId: ctx.viewer?.id ?? '' },
        orderBy: { importedAt: 'desc' },
      }),
  }),
}));

builder.mutationFields((t) => ({
  importCredential: t.prismaField({
    type: ImportedCredentialRef,
    description:
      'Imports an Open Badges 3.0 credential (its JSON, or a URL to it) into the wallet after verifying it: proof, issuer, status, validity, and that it names this teacher (NUPTK or email). Importing it again refreshes it.',
    authScopes: { teacher: true },
    errors: { types: [ImportRefusedError] },
    args: {
      document: t.arg.string({ description: 'The credential JSON (at most 1 MB).' }),
      url: t.arg.string({ description: 'Where to fetch it (https).' }),
    },
    resolve: async (query, _root, { document, url }, ctx) => {
      const stored = await importExternalCredential(ctx, { document, url });
      return db().externalCredential.findUniqueOrThrow({ ...query, where: { id: stored.id } });
    },
  }),
}));
