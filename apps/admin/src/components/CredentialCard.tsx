import { credentialReasonSchema } from '@kmg/domain';
import { formatInstant, useLocale } from '@kmg/ui';
import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconBan,
  IconExternalLink,
  IconFileTypePdf,
  IconJson,
  IconPlayerPause,
  IconPlayerPlay,
} from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { CredentialStatusBadge } from '#components/DeliveryBadges.tsx';
import { ReasonField } from '#components/ReasonField.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { type MutationProblem, MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { checkReason } from '#lib/reason.ts';

export const CredentialCard_credential = graphql(`
  fragment CredentialCard_credential on Credential {
    id
    credentialId
    name
    revision
    status
    validFrom
    validUntil
    revokedAt
    revocationReason
    suspendedAt
    suspensionReason
    verifyUrl
    pdfUrl
    jsonUrl
  }
`);

const SuspendCredential = graphql(
  `
  mutation SuspendCredential($id: ID!, $reason: String!) {
    suspendCredential(id: $id, reason: $reason) {
      __typename
      ... on SuspendCredentialSuccess { data { id ...CredentialCard_credential } }
      ...MutationProblem_error
    }
  }
`,
  [CredentialCard_credential, MutationProblem_error],
);

const ReinstateCredential = graphql(
  `
  mutation ReinstateCredential($id: ID!) {
    reinstateCredential(id: $id) {
      __typename
      ... on ReinstateCredentialSuccess { data { id ...CredentialCard_credential } }
      ...MutationProblem_error
    }
  }
`,
  [CredentialCard_credential, MutationProblem_error],
);

const RevokeCredential = graphql(
  `
  mutation RevokeCredential($id: ID!, $reason: String!) {
    revokeCredential(id: $id, reason: $reason) {
      __typename
      ... on RevokeCredentialSuccess { data { id ...CredentialCard_credential } }
      ...MutationProblem_error
    }
  }
`,
  [CredentialCard_credential, MutationProblem_error],
);

type Dialog = 'suspend' | 'reinstate' | 'revoke' | null;

/**
 * One issued credential: its status and validity, where anyone views and verifies it, and for those
 * who run the call the ways to suspend, reinstate or (permanently) revoke it, each with a reason.
 */
export function CredentialCard({
  credential: data,
  canChange,
  timeZone,
}: {
  credential: FragmentOf<typeof CredentialCard_credential>;
  /** Runs the call: program managers and admins. */
  canChange: boolean;
  timeZone: string;
}) {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const credential = readFragment(CredentialCard_credential, data);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<MutationProblem | null>(null);
  const [suspendState, suspend] = useMutation(SuspendCredential);
  const [reinstateState, reinstate] = useMutation(ReinstateCredential);
  const [revokeState, revoke] = useMutation(RevokeCredential);
  const at = (instant: string) => formatInstant(instant, locale, timeZone);

  const open = (next: Dialog) => {
    setReason('');
    setTouched(false);
    setProblem(null);
    setDialog(next);
  };
  const reasonField = useRef<HTMLTextAreaElement>(null);
  // The API's own rule (`credentialReasonSchema`), checked as the manager types.
  const reasonIssue = checkReason(credentialReasonSchema, reason, locale);
  const reasonError =
    problem?.fieldErrors.find((error) => error.path.includes('reason'))?.message ??
    (touched ? reasonIssue : null);
  const finish = (found: MutationProblem | null, message: string) => {
    if (found) {
      setProblem(found);
      return;
    }
    setDialog(null);
    notifications.show({ color: 'green', message });
  };
  const reasonInput = (label: string) => (
    <ReasonField
      label={label}
      description={t('admin.delivery.credential.reasonHint')}
      rule={credentialReasonSchema}
      value={reason}
      error={reasonError}
      inputRef={reasonField}
      onChange={(value) => {
        setReason(value);
        if (problem) setProblem(null);
      }}
      onBlur={() => setTouched(true)}
    />
  );
  const withReason = async (action: () => Promise<MutationProblem | null>, message: string) => {
    setTouched(true);
    if (reasonIssue) {
      reasonField.current?.focus();
      return;
    }
    finish(await action(), message);
  };
  const generalProblem = problem && problem.fieldErrors.length === 0 ? problem.message : null;
  const active = credential.status === 'ACTIVE' || credential.status === 'EXPIRED';

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Text fw={600}>{credential.name}</Text>
            <Text size="xs" c="dimmed">
              {t('admin.delivery.credential.revision', { revision: credential.revision })} ·{' '}
              <Text span ff="monospace" fz={11}>
                {credential.credentialId}
              </Text>
            </Text>
          </div>
          <CredentialStatusBadge status={credential.status} size="md" />
        </Group>
        <Text size="sm">
          {t('admin.delivery.credential.validFrom', { date: at(credential.validFrom) })} ·{' '}
          {credential.validUntil
            ? t('admin.delivery.credential.validUntil', { date: at(credential.validUntil) })
            : t('admin.delivery.credential.noExpiry')}
        </Text>
        {credential.revokedAt && (
          <Alert color="red" variant="light" p="xs">
            <Text size="sm">
              {t('admin.delivery.credential.revokedOn', {
                date: at(credential.revokedAt),
                reason: credential.revocationReason ?? '',
              })}
            </Text>
          </Alert>
        )}
        {credential.suspendedAt && !credential.revokedAt && (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="sm">
              {t('admin.delivery.credential.suspendedOn', {
                date: at(credential.suspendedAt),
                reason: credential.suspensionReason ?? '',
              })}
            </Text>
          </Alert>
        )}
        <Group gap="md">
          <Anchor href={credential.verifyUrl} target="_blank" rel="noopener" size="sm">
            <Group gap={4} component="span">
              {t('admin.delivery.credential.verify')}
              <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
          <Anchor href={credential.pdfUrl} target="_blank" rel="noopener" size="sm">
            <Group gap={4} component="span">
              <IconFileTypePdf size={14} aria-hidden />
              {t('admin.delivery.credential.pdf')}
            </Group>
          </Anchor>
          <Anchor href={credential.jsonUrl} target="_blank" rel="noopener" size="sm">
            <Group gap={4} component="span">
              <IconJson size={14} aria-hidden />
              {t('admin.delivery.credential.json')}
            </Group>
          </Anchor>
        </Group>
        {canChange && !credential.revokedAt && (
          <Group
            gap="xs"
            role="group"
            aria-label={t('admin.delivery.credential.actionsOf', { name: credential.name })}
          >
            {credential.status === 'SUSPENDED' ? (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPlayerPlay size={14} aria-hidden />}
                onClick={() => open('reinstate')}
              >
                {t('admin.delivery.credential.reinstate')}
              </Button>
            ) : (
              active && (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPlayerPause size={14} aria-hidden />}
                  onClick={() => open('suspend')}
                >
                  {t('admin.delivery.credential.suspend')}
                </Button>
              )
            )}
            <Button
              size="xs"
              variant="outline"
              color="red"
              leftSection={<IconBan size={14} aria-hidden />}
              onClick={() => open('revoke')}
            >
              {t('admin.delivery.credential.revoke')}
            </Button>
          </Group>
        )}
      </Stack>

      <ConfirmDialog
        opened={dialog === 'suspend'}
        onClose={() => setDialog(null)}
        title={t('admin.delivery.credential.suspendTitle')}
        confirmLabel={t('admin.delivery.credential.suspend')}
        busy={suspendState.fetching}
        problem={generalProblem}
        onConfirm={() =>
          withReason(async () => {
            const result = await suspend({ id: credential.id, reason: reason.trim() });
            return readProblem(result.data?.suspendCredential, result.error, messages);
          }, t('admin.delivery.credential.suspended'))
        }
      >
        <Text>{t('admin.delivery.credential.suspendText')}</Text>
        {reasonInput(t('admin.delivery.credential.suspendReason'))}
      </ConfirmDialog>

      <ConfirmDialog
        opened={dialog === 'reinstate'}
        onClose={() => setDialog(null)}
        title={t('admin.delivery.credential.reinstateTitle')}
        confirmLabel={t('admin.delivery.credential.reinstate')}
        busy={reinstateState.fetching}
        problem={generalProblem}
        onConfirm={async () => {
          const result = await reinstate({ id: credential.id });
          finish(
            readProblem(result.data?.reinstateCredential, result.error, messages),
            t('admin.delivery.credential.reinstated'),
          );
        }}
      >
        <Text>{t('admin.delivery.credential.reinstateText')}</Text>
      </ConfirmDialog>

      <ConfirmDialog
        opened={dialog === 'revoke'}
        onClose={() => setDialog(null)}
        title={t('admin.delivery.credential.revokeTitle')}
        confirmLabel={t('admin.delivery.credential.revokeConfirm')}
        confirmColor="red"
        dismissLabel={t('admin.actions.keep')}
        busy={revokeState.fetching}
        problem={generalProblem}
        onConfirm={() =>
          withReason(async () => {
            const result = await revoke({ id: credential.id, reason: reason.trim() });
            return readProblem(result.data?.revokeCredential, result.error, messages);
          }, t('admin.delivery.credential.revoked'))
        }
      >
        <Alert color="red" variant="light" icon={<IconBan size={18} aria-hidden />}>
          {t('admin.delivery.credential.revokeText')}
        </Alert>
        {reasonInput(t('admin.delivery.credential.revokeReason'))}
      </ConfirmDialog>
    </Paper>
  );
}
