import { builder } from '#builder.ts';
import '#schema/scalars.ts';
import '#schema/errors.ts';
import '#schema/reference.ts';
import '#schema/calls.ts';
import '#schema/applications.ts';
import '#schema/users.ts';
import '#schema/selection.ts';
import '#schema/notifications.ts';
import '#schema/delivery.ts';
import '#schema/credentials.ts';
import '#schema/pathways.ts';
import '#schema/imports.ts';
import '#schema/rpl.ts';
import '#schema/rpl-review.ts';
import '#schema/public-references.ts';
import '#schema/profiles.ts';
import '#schema/branding.ts';
import '#schema/dissemination.ts';
import '#schema/after-training.ts';
import '#schema/dashboard.ts';

builder.queryType({});
builder.mutationType({});

export const schema = builder.toSchema({ sortSchema: true });
