import { useLocale } from '@kmg/ui';
import { Badge, Button, Collapse, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useId } from 'react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { groupBySemester } from '#lib/rpl-draft.ts';

export const RplCurriculum_curriculum = graphql(`
  fragment RplCurriculum_curriculum on Curriculum {
    id
    version
    courseCount
    courses {
      id
      code
      name
      semester
      sks
      kind
    }
  }
`);

/** The programme's curriculum in force, semester by semester, folded away until asked for. */
export function RplCurriculum({
  curriculum: data,
}: {
  curriculum: FragmentOf<typeof RplCurriculum_curriculum> | null;
}) {
  const curriculum = readFragment(RplCurriculum_curriculum, data);
  const { t } = useLocale();
  const [isOpen, { toggle }] = useDisclosure(false);
  const id = useId();

  return (
    <Stack gap="xs" component="section" aria-labelledby={`${id}-heading`}>
      <Group justify="space-between" gap="xs">
        <div>
          <Title order={2} fz="lg" id={`${id}-heading`}>
            {t('learner.rpl.curriculum.heading')}
          </Title>
          {curriculum && (
            <Text size="sm" c="gray.7">
              {t('learner.rpl.curriculum.version', {
                version: curriculum.version,
                count: curriculum.courseCount,
              })}
            </Text>
          )}
        </div>
        {curriculum && (
          <Button
            variant="subtle"
            size="sm"
            onClick={toggle}
            aria-expanded={isOpen}
            aria-controls={id}
            rightSection={
              isOpen ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />
            }
          >
            {isOpen ? t('learner.rpl.curriculum.hide') : t('learner.rpl.curriculum.show')}
          </Button>
        )}
      </Group>
      {curriculum ? (
        <Collapse expanded={isOpen} id={id}>
          <Stack gap="md">
            {groupBySemester(curriculum.courses).map((group) => (
              <div key={group.semester}>
                <Group gap="xs" mb={4}>
                  <Title order={3} fz="sm">
                    {t('learner.rpl.curriculum.semester', { semester: group.semester })}
                  </Title>
                  <Text size="xs" c="gray.7">
                    {t('learner.rpl.curriculum.semesterSks', {
                      sks: group.courses.reduce((sum, course) => sum + course.sks, 0),
                    })}
                  </Text>
                </Group>
                <Table verticalSpacing={6} fz="sm" layout="fixed">
                  <Table.Tbody>
                    {group.courses.map((course) => (
                      <Table.Tr key={course.id}>
                        <Table.Td w={96} c="gray.7" style={{ verticalAlign: 'top' }}>
                          {course.code}
                        </Table.Td>
                        <Table.Td style={{ verticalAlign: 'top' }}>
                          {course.name}
                          {course.kind !== 'REGULAR' && (
                            <Badge ml={6} size="xs" variant="light" color="gray" tt="none">
                              {course.kind === 'FINAL_PROJECT'
                                ? t('learner.rpl.curriculum.finalProject')
                                : t('learner.rpl.curriculum.internship')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td w={64} ta="right" style={{ verticalAlign: 'top' }}>
                          {t('learner.rpl.estimate.sks', { sks: course.sks })}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            ))}
          </Stack>
        </Collapse>
      ) : (
        <Text size="sm" c="gray.7">
          {t('learner.rpl.curriculum.none')}
        </Text>
      )}
    </Stack>
  );
}
