import { useLocale } from '@kmg/ui';
import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { CompactTable } from '#components/CompactTable.tsx';
import { coursesBySemester, formatWeight } from '#lib/curriculum-import.ts';

export type CourseView = {
  key: string;
  code: string;
  name: string;
  sks: number;
  semester: number;
  kind: string;
  outcomes: readonly {
    key: string;
    code: string;
    text: string;
    weight: number;
    cplCodes: readonly string[];
  }[];
};

/**
 * Courses by semester, each with its CPMK, their weights and the CPL they serve: the saved
 * curriculum and an import preview read the same.
 */
export function CurriculumCourses({
  courses,
  headingOrder = 3,
}: {
  courses: readonly CourseView[];
  headingOrder?: 3 | 4;
}) {
  const { t, locale } = useLocale();
  return (
    <Stack gap="lg">
      {coursesBySemester(courses).map(([semester, list]) => (
        <section key={semester} aria-labelledby={`semester-${semester}`}>
          <Group gap="sm" mb="xs">
            <Title order={headingOrder} size="h5" id={`semester-${semester}`}>
              {t('admin.rpl.curriculum.semester', { semester })}
            </Title>
            <Text size="sm" c="dimmed">
              {t('admin.rpl.curriculum.semesterSks', {
                sks: list.reduce((sum, course) => sum + course.sks, 0),
              })}
            </Text>
          </Group>
          <Paper withBorder radius="md" px={4}>
            <CompactTable
              caption={t('admin.rpl.curriculum.semester', { semester })}
              head={
                <>
                  <Table.Th w="30%">{t('admin.rpl.curriculum.column.course')}</Table.Th>
                  <Table.Th w={64} style={{ textAlign: 'right' }}>
                    {t('admin.rpl.curriculum.column.sks')}
                  </Table.Th>
                  <Table.Th>{t('admin.rpl.curriculum.column.outcomes')}</Table.Th>
                </>
              }
            >
              {list.map((course) => (
                <Table.Tr key={course.key} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {course.name}
                    </Text>
                    <Group gap={6}>
                      <Text size="xs" c="dimmed">
                        {course.code}
                      </Text>
                      {course.kind !== 'REGULAR' && (
                        <Badge size="xs" variant="light" color="gray" tt="none">
                          {t(`admin.rpl.courseKind.${course.kind as 'REGULAR'}`)}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{course.sks}</Table.Td>
                  <Table.Td>
                    {course.outcomes.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('admin.rpl.curriculum.noOutcomes')}
                      </Text>
                    ) : (
                      <List size="sm" spacing={4} listStyleType="none" ml={0} pl={0}>
                        {course.outcomes.map((outcome) => (
                          <List.Item key={outcome.key}>
                            <Text size="sm" span fw={600}>
                              {outcome.code}
                            </Text>{' '}
                            <Text size="sm" span>
                              {outcome.text}
                            </Text>{' '}
                            <Text size="xs" span c="dimmed">
                              (
                              {t('admin.rpl.curriculum.weight', {
                                weight: formatWeight(outcome.weight, locale),
                              })}
                              {outcome.cplCodes.length > 0 && ` · CPL ${outcome.cplCodes.join(', ')}`})
                            </Text>
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </CompactTable>
          </Paper>
        </section>
      ))}
    </Stack>
  );
}
