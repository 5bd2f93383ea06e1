import { useLocale } from '@kmg/ui';
import { Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const CredentialVisibilitySwitch_credential = graphql(`
  fragment CredentialVisibilitySwitch_credential on Credential {
    id
    isPublic
  }
`);

const SetCredentialVisibility = graphql(`
  mutation SetCredentialVisibility($id: ID!, $isPublic: Boolean!) {
    setCredentialVisibility(id: $id, isPublic: $isPublic) {
      __typename
      ... on SetCredentialVisibilitySuccess {
        data {
          id
          isPublic
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/**
 * The holder's choice to list a credential on their public profile. Private only unlists it: the
 * credential still verifies for anyone given its link or file (rules/credentials.ts).
 */
export function CredentialVisibilitySwitch({
  credential: data,
}: {
  credential: FragmentOf<typeof CredentialVisibilitySwitch_credential>;
}) {
  const credential = readFragment(CredentialVisibilitySwitch_credential, data);
  const { t } = useLocale();
  const [{ fetching }, setVisibility] = useMutation(SetCredentialVisibility);
  const [problem, setProblem] = useState<string | null>(null);
  // Null for anyone but the holder: nothing to choose.
  if (credential.isPublic === null) return null;

  async function change(isPublic: boolean) {
    setProblem(null);
    const result = await setVisibility({ id: credential.id, isPublic });
    const outcome = result.data?.setCredentialVisibility;
    if (outcome?.__typename === 'SetCredentialVisibilitySuccess') return;
    setProblem(
      outcome && 'message' in outcome
        ? outcome.message
        : result.error?.networkError
          ? t('common.networkError')
          : t('learner.errors.unexpected'),
    );
  }

  return (
    <Stack gap={4}>
      <Switch
        checked={credential.isPublic}
        disabled={fetching}
        onChange={(event) => change(event.currentTarget.checked)}
        label={
          credential.isPublic
            ? t('learner.publicProfile.visibility')
            : t('learner.publicProfile.visibilityPrivate')
        }
        description={credential.isPublic ? undefined : t('learner.publicProfile.visibilityHint')}
        size="md"
        error={problem ? `${t('learner.publicProfile.visibilityFailed')}: ${problem}` : undefined}
      />
    </Stack>
  );
}
