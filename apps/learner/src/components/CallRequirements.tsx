import { formatLocalDate, useLocale } from '@kmg/ui';
import { List, Text } from '@mantine/core';
import type { Requirement } from '#lib/requirements.ts';

/** Who may apply to a call, one requirement a line, in words a teacher checks themselves against. */
export function CallRequirements({ requirements }: { requirements: Requirement[] }) {
  const { t, locale } = useLocale();
  const either = (items: string[]) =>
    new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'id-ID', { type: 'disjunction' }).format(items);

  if (requirements.length === 0) return <Text size="sm">{t('learner.call.requirement.none')}</Text>;

  const line = (requirement: Requirement): string => {
    switch (requirement.rule) {
      case 'subjects':
        return t('learner.call.requirement.subjects', { list: either(requirement.subjects) });
      case 'employment':
        return t('learner.call.requirement.employment', {
          list: either(requirement.statuses.map((status) => t(`status.employment.${status}`))),
        });
      case 'teachingYears':
        return t('learner.call.requirement.teachingYears', { count: requirement.years });
      case 'age':
        return t('learner.call.requirement.age', {
          age: requirement.maxAge,
          date: formatLocalDate(requirement.on, locale),
        });
      case 'provinces':
        return t('learner.call.requirement.provinces', { list: either(requirement.provinces) });
      case 'schoolStatus':
        return t('learner.call.requirement.schoolStatus', {
          list: either(requirement.statuses.map((status) => t(`learner.call.schoolStatus.${status}`))),
        });
      case 'centreOfExcellence':
        return t('learner.call.requirement.centreOfExcellence');
      case 'endorsement':
        return t('learner.call.requirement.endorsement');
    }
  };

  return (
    <List size="sm" spacing={4}>
      {requirements.map((requirement) => (
        <List.Item key={requirement.rule}>{line(requirement)}</List.Item>
      ))}
    </List>
  );
}
