// The admin console's own strings; shared ones (common.*, status.*) come from @kmg/ui. Each file
// in messages/ holds one feature's keys under `admin.`, both languages side by side; here they
// are put together. Both languages carry the same keys, and no key is in two files (checked in
// messages.test.ts).
import { accountsMessages } from '#messages/accounts.ts';
import { achievementMessages } from '#messages/achievement.ts';
import { afterTrainingMessages } from '#messages/after-training.ts';
import { applicationsMessages } from '#messages/applications.ts';
import { assessmentMessages } from '#messages/assessment.ts';
import { attendanceMessages } from '#messages/attendance.ts';
import { brandingMessages } from '#messages/branding.ts';
import { callFormMessages } from '#messages/call-form.ts';
import { callsMessages } from '#messages/calls.ts';
import { credentialsMessages } from '#messages/credentials.ts';
import { dashboardMessages } from '#messages/dashboard.ts';
import { deliveryMessages } from '#messages/delivery.ts';
import { deliveryToolsMessages } from '#messages/delivery-tools.ts';
import { historyMessages } from '#messages/history.ts';
import { pathwayBuilderMessages } from '#messages/pathway-builder.ts';
import { pathwaysMessages } from '#messages/pathways.ts';
import { programmesMessages } from '#messages/programmes.ts';
import { reviewsMessages } from '#messages/reviews.ts';
import { rplMessages } from '#messages/rpl.ts';
import { rplAdminMessages } from '#messages/rpl-admin.ts';
import { rplCaseMessages } from '#messages/rpl-case.ts';
import { selectionMessages } from '#messages/selection.ts';
import { selectionSettingsMessages } from '#messages/selection-settings.ts';
import { shellMessages } from '#messages/shell.ts';

export const messages = {
  id: {
    admin: {
      ...shellMessages.id,
      ...dashboardMessages.id,
      ...callsMessages.id,
      ...callFormMessages.id,
      ...applicationsMessages.id,
      ...historyMessages.id,
      ...accountsMessages.id,
      ...selectionSettingsMessages.id,
      ...programmesMessages.id,
      ...selectionMessages.id,
      ...reviewsMessages.id,
      ...pathwaysMessages.id,
      ...pathwayBuilderMessages.id,
      ...rplMessages.id,
      ...rplAdminMessages.id,
      ...rplCaseMessages.id,
      ...brandingMessages.id,
      ...afterTrainingMessages.id,
      delivery: {
        ...deliveryMessages.id.delivery,
        ...attendanceMessages.id.delivery,
        ...assessmentMessages.id.delivery,
        ...achievementMessages.id.delivery,
        ...credentialsMessages.id.delivery,
        ...deliveryToolsMessages.id.delivery,
      },
    },
  },
  en: {
    admin: {
      ...shellMessages.en,
      ...dashboardMessages.en,
      ...callsMessages.en,
      ...callFormMessages.en,
      ...applicationsMessages.en,
      ...historyMessages.en,
      ...accountsMessages.en,
      ...selectionSettingsMessages.en,
      ...programmesMessages.en,
      ...selectionMessages.en,
      ...reviewsMessages.en,
      ...pathwaysMessages.en,
      ...pathwayBuilderMessages.en,
      ...rplMessages.en,
      ...rplAdminMessages.en,
      ...rplCaseMessages.en,
      ...brandingMessages.en,
      ...afterTrainingMessages.en,
      delivery: {
        ...deliveryMessages.en.delivery,
        ...attendanceMessages.en.delivery,
        ...assessmentMessages.en.delivery,
        ...achievementMessages.en.delivery,
        ...credentialsMessages.en.delivery,
        ...deliveryToolsMessages.en.delivery,
      },
    },
  },
};
