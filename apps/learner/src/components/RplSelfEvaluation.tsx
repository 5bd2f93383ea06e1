import { selfEvaluationLevels } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import {
  Badge,
  Button,
  Checkbox,
  Collapse,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useId } from 'react';
import { evaluate, evaluationIssue, type RplDraft } from '#lib/rpl-draft.ts';

export type EvaluatedCourse = {
  id: string;
  code: string;
  name: string;
  semester: number;
  outcomes: readonly { id: string; code: string; text: string }[];
};

/** Something put forward that can back an outcome: a credential or an uploaded file. */
export type Support = { id: string; label: string; kind: 'credential' | 'evidence' };

/**
 * The self-evaluation per course outcome (CPMK): the proposed courses, which must be filled in,
 * and the others, folded away, which may be. Each outcome: a level and the evidence behind it.
 */
export function RplSelfEvaluation({
  required,
  optional,
  draft,
  onChange,
  supports,
  showIssues,
}: {
  required: readonly EvaluatedCourse[];
  optional: readonly EvaluatedCourse[];
  draft: RplDraft;
  onChange: (draft: RplDraft) => void;
  supports: readonly Support[];
  /** After a submission was tried: mark what is still missing. */
  showIssues: boolean;
}) {
  const { t } = useLocale();
  const [isOthersOpen, { toggle }] = useDisclosure(false);
  const othersId = useId();
  return (
    <Stack gap="md">
      {required.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('learner.rpl.application.selfEvaluation.noOutcomes')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Title order={3} fz="md">
            {t('learner.rpl.application.selfEvaluation.proposedCourses')}
          </Title>
          {required.map((course) => (
            <CourseEvaluation
              key={course.id}
              course={course}
              draft={draft}
              onChange={onChange}
              supports={supports}
              showIssues={showIssues}
            />
          ))}
        </Stack>
      )}
      {optional.length > 0 && (
        <Stack gap="sm">
          <Button
            variant="subtle"
            onClick={toggle}
            aria-expanded={isOthersOpen}
            aria-controls={othersId}
            rightSection={
              isOthersOpen ? (
                <IconChevronUp size={16} aria-hidden />
              ) : (
                <IconChevronDown size={16} aria-hidden />
              )
            }
            style={{ alignSelf: 'flex-start' }}
            px={0}
            h="auto"
            mih={36}
            // The label wraps: on a 360 px phone it is wider than the screen, and a page wider than
            // the screen pushes the tab bar out of sight.
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
          >
            {isOthersOpen
              ? t('learner.rpl.application.selfEvaluation.hideOthers')
              : t('learner.rpl.application.selfEvaluation.showOthers')}
          </Button>
          <Collapse expanded={isOthersOpen} id={othersId}>
            <Stack gap="sm">
              <Title order={3} fz="md">
                {t('learner.rpl.application.selfEvaluation.otherCourses')}
              </Title>
              {optional.map((course) => (
                <CourseEvaluation
                  key={course.id}
                  course={course}
                  draft={draft}
                  onChange={onChange}
                  supports={supports}
                  showIssues={false}
                />
              ))}
            </Stack>
          </Collapse>
        </Stack>
      )}
    </Stack>
  );
}

function CourseEvaluation({
  course,
  draft,
  onChange,
  supports,
  showIssues,
}: {
  course: EvaluatedCourse;
  draft: RplDraft;
  onChange: (draft: RplDraft) => void;
  supports: readonly Support[];
  showIssues: boolean;
}) {
  const { t } = useLocale();
  const done = course.outcomes.filter(
    (outcome) => evaluationIssue(draft.evaluations[outcome.id]) === null,
  ).length;
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Text fw={700} lh={1.35}>
              {course.name}
            </Text>
            <Text size="xs" c="gray.7">
              {course.code} · {t('learner.rpl.estimate.semester', { semester: course.semester })}
            </Text>
          </div>
          <Badge
            variant="light"
            color={done === course.outcomes.length ? 'green' : 'gray'}
            tt="none"
            style={{ flexShrink: 0 }}
          >
            {done}/{course.outcomes.length}
          </Badge>
        </Group>
        {course.outcomes.map((outcome) => (
          <OutcomeEvaluation
            key={outcome.id}
            outcome={outcome}
            draft={draft}
            onChange={onChange}
            supports={supports}
            showIssues={showIssues}
          />
        ))}
      </Stack>
    </Paper>
  );
}

function OutcomeEvaluation({
  outcome,
  draft,
  onChange,
  supports,
  showIssues,
}: {
  outcome: { id: string; code: string; text: string };
  draft: RplDraft;
  onChange: (draft: RplDraft) => void;
  supports: readonly Support[];
  showIssues: boolean;
}) {
  const { t } = useLocale();
  const entry = draft.evaluations[outcome.id];
  const issue = showIssues ? evaluationIssue(entry) : null;
  const chosen = new Set([...(entry?.credentialIds ?? []), ...(entry?.evidenceIds ?? [])]);
  const headingId = useId();

  const toggleSupport = (support: Support, isChecked: boolean) => {
    const key = support.kind === 'credential' ? 'credentialIds' : 'evidenceIds';
    const current = entry?.[key] ?? [];
    const next = isChecked
      ? [...current.filter((id) => id !== support.id), support.id]
      : current.filter((id) => id !== support.id);
    onChange(evaluate(draft, outcome.id, { [key]: next }));
  };

  return (
    <Stack
      gap={8}
      pt="sm"
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
      role="group"
      aria-labelledby={headingId}
      id={`cpmk-${outcome.id}`}
    >
      <Text size="sm" id={headingId}>
        <Text span fw={700}>
          {outcome.code}
        </Text>{' '}
        {outcome.text}
      </Text>
      <Radio.Group
        label={t('learner.rpl.application.selfEvaluation.level')}
        value={entry?.level ?? ''}
        onChange={(value) => {
          const level = selfEvaluationLevels.find((candidate) => candidate === value);
          if (level) onChange(evaluate(draft, outcome.id, { level }));
        }}
        error={issue === 'missingLevel' ? t('learner.rpl.application.selfEvaluation.needsLevel') : undefined}
        size="sm"
      >
        <Group gap="md" mt={4}>
          {selfEvaluationLevels.map((level) => (
            <Radio
              key={level}
              value={level}
              label={t(`learner.rpl.application.selfEvaluation.levels.${level}`)}
            />
          ))}
        </Group>
      </Radio.Group>
      {entry?.level && entry.level !== 'NEVER' && (
        <Checkbox.Group
          label={t('learner.rpl.application.selfEvaluation.support')}
          description={
            supports.length > 0
              ? t('learner.rpl.application.selfEvaluation.supportHint')
              : t('learner.rpl.application.selfEvaluation.supportNone')
          }
          value={[...chosen]}
          error={
            issue === 'needsSupport' ? t('learner.rpl.application.selfEvaluation.needsSupport') : undefined
          }
          size="sm"
        >
          <Stack gap={6} mt={6}>
            {supports.map((support) => (
              <Checkbox
                key={`${support.kind}-${support.id}`}
                value={support.id}
                label={support.label}
                checked={chosen.has(support.id)}
                onChange={(event) => toggleSupport(support, event.currentTarget.checked)}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      {entry?.level && (
        <TextInput
          size="sm"
          label={t('learner.rpl.application.selfEvaluation.note')}
          value={entry.note}
          maxLength={500}
          onChange={(event) => onChange(evaluate(draft, outcome.id, { note: event.currentTarget.value }))}
        />
      )}
    </Stack>
  );
}
