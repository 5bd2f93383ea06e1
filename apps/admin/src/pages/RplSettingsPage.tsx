import { localDateAt, rplTimeZone } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { useRplAdminAccess } from '#components/RplAdminNav.tsx';
import { RplLogoField } from '#components/RplLogoField.tsx';
import { RplSettingsForm } from '#components/RplSettingsForm.tsx';
import { RplUniversityPicker, useRplUniversity } from '#components/RplUniversityPicker.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { settingsFormFrom, toSettingsInput } from '#lib/rpl-settings-form.ts';
import { useViewer } from '#lib/viewer.tsx';

const RplSettingsFields = graphql(`
  fragment RplSettingsFields on RplUniversitySettings @_unmask {
    decreeNumberPattern
    decreeScope
    authority
    facultyId
    facultyEn
    letterhead { ministryId ministryEn unitId unitEn address contacts }
    logoUrl
    signatories { name positionId positionEn employeeNumber employeeNumberLabel }
    place
    appealDays
    deadlineTargets
    workingDays
    holidays
    autoAssign
  }
`);

const RplSettingsPageQuery = graphql(
  `
  query RplSettingsPage($universityId: String) {
    rplUniversitySettings(universityId: $universityId) { ...RplSettingsFields }
    managedStudyProgrammes { id code university { id } }
  }
`,
  [RplSettingsFields],
);

const SaveRplUniversitySettings = graphql(
  `
  mutation SaveRplUniversitySettings($universityId: String, $input: RplUniversitySettingsInput!) {
    saveRplUniversitySettings(universityId: $universityId, input: $input) {
      __typename
      ... on SaveRplUniversitySettingsSuccess { data { ...RplSettingsFields } }
      ...MutationProblem_error
    }
  }
`,
  [RplSettingsFields, MutationProblem_error],
);

/**
 * How the university numbers, heads and signs its RPL decrees, the appeal days and each step's
 * target days (its university admins; platform admins for any university).
 */
export function RplSettingsPage() {
  const { t } = useLocale();
  const viewer = useViewer();
  const messages = useProblemMessages();
  const { access, ready } = useRplAdminAccess();
  const { university, universities, choose, pending } = useRplUniversity();
  const [{ data, error }, reexecute] = useQuery({
    query: RplSettingsPageQuery,
    variables: { universityId: university?.rawId ?? null },
    pause: !access.settings || !university,
    // The form starts from what this answers: never from an older cached copy.
    requestPolicy: 'network-only',
  });
  const [, save] = useMutation(SaveRplUniversitySettings);

  if (ready && !access.settings) {
    return (
      <PageNotice
        title={t('admin.rplAdmin.notAllowed')}
        text={t('admin.rplAdmin.settings.notAllowedText')}
        back={{ to: '/rpl', label: t('admin.rpl.programmes.back') }}
      />
    );
  }

  const settings = data?.rplUniversitySettings;
  const programmeCode =
    data?.managedStudyProgrammes.find((programme) => programme.university.id === university?.id)?.code ?? '';
  // The route files a logo under the viewer's own university.
  const canChangeLogo = Boolean(university && viewer.organization?.id === university.id);

  return (
    <>
      <PageHeader
        title={t('admin.rplAdmin.settings.title')}
        description={t('admin.rplAdmin.settings.intro', {
          university: university?.shortName ?? university?.name ?? '',
        })}
      />
      <RplUniversityPicker universities={universities} value={university?.id ?? null} onChange={choose} />
      {!settings || pending ? (
        <QueryPending
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          blocks={[{ h: 280 }, { h: 360 }, { h: 300 }]}
        />
      ) : (
        <RplSettingsForm
          key={university?.id}
          initialValues={settingsFormFrom(settings)}
          preview={{
            date: localDateAt(new Date(), rplTimeZone),
            programmeCode,
            universityCode: university?.shortName ?? '',
          }}
          logoField={
            <RplLogoField
              logoUrl={settings.logoUrl}
              canChange={canChangeLogo}
              onChanged={() => reexecute({ requestPolicy: 'network-only' })}
            />
          }
          onSubmit={async (values) => {
            const result = await save({
              universityId: university?.rawId ?? null,
              input: toSettingsInput(values),
            });
            const outcome = result.data?.saveRplUniversitySettings;
            const problem = readProblem(outcome, result.error, messages);
            if (!problem) notifications.show({ color: 'green', message: t('admin.rplAdmin.settings.saved') });
            return problem;
          }}
        />
      )}
    </>
  );
}
