// The learner app's own strings; shared ones (common.*, status.*) come from @kmg/ui. Each file in
// messages/ holds one feature's keys under `learner.`, both languages side by side; here they are
// put together in two parts: the first screen's, bundled with the app, and every other page's,
// fetched with the first page opened beyond the call list (vite.config.ts, lib/page-messages.ts).
// Both languages carry the same keys, and no key is in two files (checked in messages.test.ts);
// counted strings have `_one` and `_other` in both, as Indonesian only ever uses `_other`.
import type { Locale } from '@kmg/domain';
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

/** What the layout and the call list read (the call card shows the provider's rating). */
const firstScreen = <L extends Locale>(locale: L) => ({
  ...shellMessages[locale],
  ...callsMessages[locale],
  ...afterTrainingMessages[locale],
  ...notificationsMessages[locale],
});

const pages = <L extends Locale>(locale: L) => ({
  ...applicationsMessages[locale],
  ...profileMessages[locale],
  ...publicProfileMessages[locale],
  ...schoolMessages[locale],
  ...credentialsMessages[locale],
  ...importsMessages[locale],
  ...pathwaysMessages[locale],
  ...rplMessages[locale],
  ...verifyMessages[locale],
  ...referencesMessages[locale],
  ...rplResultMessages[locale],
  ...checkInMessages[locale],
  ...disseminationMessages[locale],
});

/** The first screen's strings, in the app's first bundle. */
export const firstScreenMessages = {
  id: { learner: firstScreen('id') },
  en: { learner: firstScreen('en') },
};

/** Every other page's strings: one chunk per language, fetched when a teacher leaves the call list. */
export const pageMessages = { id: { learner: pages('id') }, en: { learner: pages('en') } };

/** All of them (the API's first screen reads them from the build, `.vite/messages.json`). */
export const messages = {
  id: { learner: { ...firstScreen('id'), ...pages('id') } },
  en: { learner: { ...firstScreen('en'), ...pages('en') } },
};
