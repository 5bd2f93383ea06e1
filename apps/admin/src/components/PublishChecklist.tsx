import { useLocale } from '@kmg/ui';
import { Badge, Group, List, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconMinus, IconX } from '@tabler/icons-react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const PublishChecklist_call = graphql(`
  fragment PublishChecklist_call on TrainingCall {
    id
    publishChecklist { key severity state message }
  }
`);

type Check = NonNullable<ReturnType<typeof readChecklist>>[number];

export function readChecklist(data: FragmentOf<typeof PublishChecklist_call>) {
  return readFragment(PublishChecklist_call, data).publishChecklist;
}

/** The blocking items that fail: the API refuses to publish while any remains. */
export function blockingFailures(checks: readonly Check[] | null | undefined): Check[] {
  return (checks ?? []).filter((check) => check.severity === 'BLOCKING' && check.state === 'FAILED');
}

function CheckIcon({ check }: { check: Check }) {
  if (check.state === 'OK')
    return (
      <ThemeIcon color="green" variant="light" size={26} radius="xl">
        <IconCheck size={16} aria-hidden />
      </ThemeIcon>
    );
  if (check.state === 'NOT_NEEDED')
    return (
      <ThemeIcon color="gray" variant="light" size={26} radius="xl">
        <IconMinus size={16} aria-hidden />
      </ThemeIcon>
    );
  return check.severity === 'BLOCKING' ? (
    <ThemeIcon color="red" variant="light" size={26} radius="xl">
      <IconX size={16} aria-hidden />
    </ThemeIcon>
  ) : (
    <ThemeIcon color="yellow" variant="light" size={26} radius="xl">
      <IconAlertTriangle size={16} aria-hidden />
    </ThemeIcon>
  );
}

/**
 * The program manager's checklist before publishing a draft call: what blocks (the API refuses
 * it too) and what only warns, each with what to do. Shown only while the call is a draft.
 */
export function PublishChecklist({ call }: { call: FragmentOf<typeof PublishChecklist_call> }) {
  const { t } = useLocale();
  const checks = readChecklist(call);
  if (!checks) return null;
  const blocked = blockingFailures(checks).length;
  const stateLabel = (check: Check) =>
    check.state === 'OK'
      ? t('admin.checklist.ok')
      : check.state === 'NOT_NEEDED'
        ? t('admin.checklist.notNeeded')
        : check.severity === 'BLOCKING'
          ? t('admin.checklist.blocking')
          : t('admin.checklist.warning');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="publish-checklist-title">
      <Title order={2} size="h4" id="publish-checklist-title">
        {t('admin.checklist.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('admin.checklist.intro')}
      </Text>
      <Text fw={600} c={blocked > 0 ? 'red.8' : 'green.9'} mb="sm" role="status">
        {blocked > 0 ? t('admin.checklist.blocked', { count: blocked }) : t('admin.checklist.ready')}
      </Text>
      <List spacing="sm" listStyleType="none" p={0} m={0}>
        {checks.map((check) => (
          <List.Item key={check.key} icon={<CheckIcon check={check} />}>
            <Group gap="xs" wrap="wrap">
              <Text fw={500}>{t(`admin.checklist.items.${check.key}`)}</Text>
              <Badge
                variant="light"
                tt="none"
                color={
                  check.state === 'OK'
                    ? 'green'
                    : check.state === 'NOT_NEEDED'
                      ? 'gray'
                      : check.severity === 'BLOCKING'
                        ? 'red'
                        : 'yellow'
                }
              >
                {stateLabel(check)}
              </Badge>
            </Group>
            {check.state === 'FAILED' && check.message && (
              <Text size="sm" c="gray.8">
                {check.message}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
