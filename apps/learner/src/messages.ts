// The learner app's own strings; shared ones (common.*, status.*) come from @kmg/ui. Each file in
// messages/ holds one feature's keys under `learner.`, both languages side by side; here they are
// put together. Both languages carry the same keys, and no key is in two files (checked in
// messages.test.ts); counted strings have `_one` and `_other` in both, as Indonesian only ever
// uses `_other`.
import { afterTrainingMessages } from '#messages/after-training.ts';
import { applicationsMessages } from '#messages/applications.ts';
import { callsMessages } from '#messages/calls.ts';
import { checkInMessages } from '#messages/check-in.ts';
import { credentialsMessages } from '#messages/credentials.ts';
import { disseminationMessages } from '#messages/dissemination.ts';
import { importsMessages } from '#messages/imports.ts';
import { notificationsMessages } from '#messages/notifications.ts';
import { pathwaysMessages } from '#messages/pathways.ts';
import { profileMessages } from '#messages/profile.ts';
import { publicProfileMessages } from '#messages/public-profile.ts';
import { referencesMessages } from '#messages/references.ts';
import { rplMessages } from '#messages/rpl.ts';
import { rplResultMessages } from '#messages/rpl-result.ts';
import { schoolMessages } from '#messages/school.ts';
import { shellMessages } from '#messages/shell.ts';
import { verifyMessages } from '#messages/verify.ts';

export const messages = {
  id: {
    learner: {
      ...shellMessages.id,
      ...callsMessages.id,
      ...applicationsMessages.id,
      ...profileMessages.id,
      ...publicProfileMessages.id,
      ...schoolMessages.id,
      ...notificationsMessages.id,
      ...credentialsMessages.id,
      ...importsMessages.id,
      ...pathwaysMessages.id,
      ...rplMessages.id,
      ...verifyMessages.id,
      ...referencesMessages.id,
      ...rplResultMessages.id,
      ...checkInMessages.id,
      ...disseminationMessages.id,
      ...afterTrainingMessages.id,
    },
  },
  en: {
    learner: {
      ...shellMessages.en,
      ...callsMessages.en,
      ...applicationsMessages.en,
      ...profileMessages.en,
      ...publicProfileMessages.en,
      ...schoolMessages.en,
      ...notificationsMessages.en,
      ...credentialsMessages.en,
      ...importsMessages.en,
      ...pathwaysMessages.en,
      ...rplMessages.en,
      ...verifyMessages.en,
      ...referencesMessages.en,
      ...rplResultMessages.en,
      ...checkInMessages.en,
      ...disseminationMessages.en,
      ...afterTrainingMessages.en,
    },
  },
};
