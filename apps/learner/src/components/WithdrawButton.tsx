import { ErrorAlert, useLocale } from '@kmg/ui';
import { Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '#graphql.ts';

const WithdrawApplication = graphql(`
  mutation WithdrawApplication($id: ID!) {
    withdrawApplication(id: $id) {
      __typename
      ... on WithdrawApplicationSuccess {
        data {
          id
          status
          withdrawnAt
          call {
            id
            applicationCount
            viewerApplication {
              id
              status
            }
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Withdraw an application, after the teacher confirms; they may apply again while the call is open. */
export function WithdrawButton({
  applicationId,
  callTitle,
  ...buttonProps
}: { applicationId: string; callTitle: string } & Omit<ButtonProps, 'children' | 'onClick'>) {
  const { t } = useLocale();
  const [isOpen, { open, close }] = useDisclosure(false);
  const [{ fetching }, withdraw] = useMutation(WithdrawApplication);
  const [problem, setProblem] = useState<string | null>(null);

  async function confirm() {
    setProblem(null);
    const result = await withdraw({ id: applicationId });
    const outcome = result.data?.withdrawApplication;
    if (!outcome) {
      setProblem(result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'));
      return;
    }
    if (outcome.__typename === 'WithdrawApplicationSuccess') {
      close();
      notifications.show({ color: 'gray', message: t('learner.withdraw.done', { title: callTitle }) });
      return;
    }
    // InvalidStateError (already withdrawn), NotAllowedError, NotFoundError...: the API's words.
    setProblem(outcome.message);
  }

  return (
    <>
      <Button variant="default" c="red.9" onClick={open} {...buttonProps}>
        {t('learner.withdraw.button')}
      </Button>
      <Modal
        opened={isOpen}
        onClose={() => {
          setProblem(null);
          close();
        }}
        centered
        title={t('learner.withdraw.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        <Stack gap="md">
          <Text>{t('learner.withdraw.body', { title: callTitle })}</Text>
          <Text size="sm" c="gray.7">
            {t('learner.withdraw.note')}
          </Text>
          {problem && <ErrorAlert>{problem}</ErrorAlert>}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={fetching}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" onClick={confirm} loading={fetching}>
              {t('learner.withdraw.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
