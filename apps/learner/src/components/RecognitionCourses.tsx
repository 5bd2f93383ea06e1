import { useLocale } from '@kmg/ui';
import { Badge, Button, Collapse, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCertificate, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useId } from 'react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const RecognitionCourses_estimate = graphql(`
  fragment RecognitionCourses_estimate on RecognitionEstimate {
    proposed {
      courseId
      code
      name
      semester
      courseSks
      sks
      coverage
      credentials {
        id
        name
      }
    }
    notProposed {
      courseId
      code
      name
      semester
      courseSks
      reason
      message
      detail
    }
  }
`);

/**
 * Course by course, what the engine proposes (the SKS, the credentials it rests on, how much of the
 * course's outcomes they cover) and, folded away, the courses it does not propose and why. The
 * same list shows the estimate and the proposal stored at submission.
 */
export function RecognitionCourses({
  estimate: data,
}: {
  estimate: FragmentOf<typeof RecognitionCourses_estimate>;
}) {
  const estimate = readFragment(RecognitionCourses_estimate, data);
  const { t } = useLocale();
  const [isOpen, { toggle }] = useDisclosure(false);
  const notProposedId = useId();
  const proposed = [...estimate.proposed].sort(
    (a, b) => a.semester - b.semester || a.code.localeCompare(b.code),
  );
  const notProposed = [...estimate.notProposed].sort(
    (a, b) => a.semester - b.semester || a.code.localeCompare(b.code),
  );

  return (
    <Stack gap="md">
      {proposed.length > 0 && (
        <Stack gap="sm">
          <Title order={3} fz="md">
            {t('learner.rpl.estimate.proposed')}
          </Title>
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {proposed.map((course) => {
              const percent = Math.round(course.coverage * 100);
              return (
                <Paper component="li" key={course.courseId} withBorder radius="md" p="sm">
                  <Stack gap={6}>
                    <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                      <div style={{ minWidth: 0 }}>
                        <Text fw={600} lh={1.35}>
                          {course.name}
                        </Text>
                        <Text size="xs" c="gray.7">
                          {course.code} · {t('learner.rpl.estimate.semester', { semester: course.semester })}
                        </Text>
                      </div>
                      <Badge color="green" variant="light" size="lg" tt="none" style={{ flexShrink: 0 }}>
                        {t('learner.rpl.estimate.sks', { sks: course.sks })}
                      </Badge>
                    </Group>
                    {course.sks !== course.courseSks && (
                      <Text size="xs" c="gray.7">
                        {t('learner.rpl.estimate.sksOf', { sks: course.sks, total: course.courseSks })}
                      </Text>
                    )}
                    <div>
                      <Text size="xs" c="gray.8" mb={2}>
                        {t('learner.rpl.estimate.coverage', { percent })}
                      </Text>
                      <Progress
                        value={percent}
                        size="sm"
                        radius="xl"
                        color="green"
                        aria-label={t('learner.rpl.estimate.coverageLabel', { code: course.code })}
                      />
                    </div>
                    {course.credentials.length > 0 && (
                      <div>
                        <Text size="xs" c="gray.7">
                          {t('learner.rpl.estimate.usedCredentials')}
                        </Text>
                        <List
                          size="sm"
                          spacing={2}
                          icon={<IconCertificate size={16} aria-hidden style={{ marginTop: 3 }} />}
                          styles={{ itemWrapper: { alignItems: 'flex-start' } }}
                        >
                          {course.credentials.map((credential) => (
                            <List.Item key={credential.id}>{credential.name}</List.Item>
                          ))}
                        </List>
                      </div>
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        </Stack>
      )}

      {notProposed.length > 0 && (
        <Stack gap="xs">
          <Group justify="space-between" gap="xs">
            <Title order={3} fz="md">
              {t('learner.rpl.estimate.notProposedCount', { count: notProposed.length })}
            </Title>
            <Button
              variant="subtle"
              size="sm"
              onClick={toggle}
              aria-expanded={isOpen}
              aria-controls={notProposedId}
              rightSection={
                isOpen ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />
              }
            >
              {isOpen ? t('learner.rpl.estimate.hideNotProposed') : t('learner.rpl.estimate.showNotProposed')}
            </Button>
          </Group>
          <Collapse expanded={isOpen} id={notProposedId}>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {notProposed.map((course) => (
                <NotProposedCourse key={course.courseId} course={course} />
              ))}
            </Stack>
          </Collapse>
        </Stack>
      )}
    </Stack>
  );
}

function NotProposedCourse({
  course,
}: {
  course: {
    code: string;
    name: string;
    semester: number;
    courseSks: number;
    message: string;
    detail: readonly string[];
  };
}) {
  const { t } = useLocale();
  const [isOpen, { toggle }] = useDisclosure(false);
  const detailId = useId();
  return (
    <Paper component="li" withBorder radius="md" p="sm" bg="gray.0">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} size="sm" lh={1.35}>
              {course.name}
            </Text>
            <Text size="xs" c="gray.7">
              {course.code} · {t('learner.rpl.estimate.semester', { semester: course.semester })} ·{' '}
              {t('learner.rpl.estimate.sks', { sks: course.courseSks })}
            </Text>
          </div>
        </Group>
        <Text size="sm" c="gray.8">
          {course.message}
        </Text>
        {course.detail.length > 0 && (
          <>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={toggle}
              aria-expanded={isOpen}
              aria-controls={detailId}
              rightSection={
                isOpen ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />
              }
              style={{ alignSelf: 'flex-start' }}
              px={0}
            >
              {t('learner.rpl.estimate.details')}
            </Button>
            <Collapse expanded={isOpen} id={detailId}>
              <List size="xs" spacing={2} c="gray.8">
                {course.detail.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </Collapse>
          </>
        )}
      </Stack>
    </Paper>
  );
}
