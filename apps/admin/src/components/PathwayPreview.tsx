import { formatNumber, useLocale } from '@kmg/ui';
import { Badge, Box, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import {
  IconArrowRight,
  IconAward,
  IconCertificate,
  IconCircleDashed,
  IconClockHour4,
  IconFileImport,
  IconListCheck,
  IconRoute,
  IconStack2,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { GroupDraft, MatchKind, PathwayFormValues } from '#lib/pathway-form.ts';
import { itemLabel, type LabelSources } from '#lib/pathway-labels.ts';

const kindIcons: Record<MatchKind, typeof IconCertificate> = {
  achievement: IconCertificate,
  achievementVersion: IconCertificate,
  skkniUnit: IconListCheck,
  skillArea: IconStack2,
  pathway: IconRoute,
  external: IconFileImport,
};

type Translate = ReturnType<typeof useLocale>['t'];

/** The sentence a group's rule reads as to a teacher ("Penuhi minimal 2 dari 3 syarat berikut"). */
function ruleSentence(group: GroupDraft, t: Translate, locale: 'id' | 'en'): string {
  const rule = group.rule;
  const blank = '…';
  switch (rule.kind) {
    case 'all':
      return t('admin.pathwayBuilder.preview.all');
    case 'atLeast':
      return t('admin.pathwayBuilder.preview.atLeast', {
        count: rule.count === '' ? blank : rule.count,
        total: group.children.length,
      });
    case 'hours':
      return t('admin.pathwayBuilder.preview.hours', {
        hours: rule.min === '' ? blank : formatNumber(Number(rule.min), locale),
      });
    case 'sks':
      return t('admin.pathwayBuilder.preview.sks', {
        sks: rule.sks === '' ? blank : formatNumber(Number(rule.sks), locale),
      });
  }
}

function needed(group: GroupDraft): number | null {
  if (group.rule.kind === 'all') return group.children.length;
  if (group.rule.kind === 'atLeast') return group.rule.count === '' ? null : Number(group.rule.count);
  return null;
}

function GroupPreview({
  group,
  sources,
  isRoot,
}: {
  group: GroupDraft;
  sources: LabelSources;
  isRoot: boolean;
}) {
  const { t, locale } = useLocale();
  const count = needed(group);
  return (
    <Box className={isRoot ? undefined : 'pathway-preview-group'}>
      <Group justify="space-between" gap={6} align="baseline" mb={6} wrap="wrap">
        <Text fw={700} size="sm">
          {ruleSentence(group, t, locale)}
        </Text>
        {count !== null && (
          <Text size="xs" c="dimmed">
            {t('admin.pathwayBuilder.preview.progress', { count })}
          </Text>
        )}
      </Group>
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none', display: 'grid', gap: 8 }}>
        {group.children.map((child) => {
          if (child.type === 'group') {
            return (
              <li key={child.id}>
                <GroupPreview group={child} sources={sources} isRoot={false} />
              </li>
            );
          }
          const Icon = kindIcons[child.match.kind];
          return (
            <li key={child.id}>
              <Group gap={8} wrap="nowrap" align="flex-start">
                <IconCircleDashed
                  size={20}
                  color="var(--mantine-color-gray-6)"
                  aria-hidden
                  style={{ flex: 'none', marginTop: 1 }}
                />
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {itemLabel(child.match, sources, t)}
                  </Text>
                  <Group gap={4} mt={2} wrap="nowrap" align="flex-start">
                    <Icon
                      size={14}
                      aria-hidden
                      color="var(--mantine-color-dimmed)"
                      style={{ flex: 'none', marginTop: 2 }}
                    />
                    <Text size="xs" c="dimmed">
                      {t(`admin.pathwayBuilder.kind.${child.match.kind}`)} ·{' '}
                      {t('admin.pathwayBuilder.preview.notFilled')}
                    </Text>
                  </Group>
                </div>
              </Group>
            </li>
          );
        })}
      </Box>
    </Box>
  );
}

function Note({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      {icon}
      <Text size="xs" c="dimmed">
        {children}
      </Text>
    </Group>
  );
}

export type PathwayPreviewValues = Pick<
  PathwayFormValues,
  | 'titleId'
  | 'titleEn'
  | 'descriptionId'
  | 'descriptionEn'
  | 'kkniLevel'
  | 'validityMonths'
  | 'requirements'
  | 'precedes'
  | 'recencyYears'
  | 'allowCredentialReuse'
>;

/**
 * The pathway as a teacher will see it in the KMG app before holding any credential: its name and
 * level, each group's rule in words, every requirement not yet met, the order and age rules.
 */
export function PathwayPreview({
  values,
  sources,
  headingOrder = 3,
  withIntro = true,
}: {
  values: PathwayPreviewValues;
  sources: LabelSources;
  headingOrder?: 2 | 3 | 4;
  withIntro?: boolean;
}) {
  const { t, locale } = useLocale();
  const title = (locale === 'en' ? values.titleEn : values.titleId).trim() || values.titleId.trim();
  const description = (locale === 'en' ? values.descriptionEn : values.descriptionId).trim();
  const items = new Map<string, string>();
  const collect = (group: GroupDraft) => {
    for (const child of group.children)
      if (child.type === 'group') collect(child);
      else items.set(child.id, itemLabel(child.match, sources, t));
  };
  collect(values.requirements);
  const order = values.precedes.filter((rule) => rule.before && rule.after);
  const recency = values.recencyYears === '' ? null : Number(values.recencyYears);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="pathway-preview-title">
      <Title order={headingOrder} size="h5" id="pathway-preview-title">
        {t('admin.pathwayBuilder.preview.title')}
      </Title>
      {withIntro && (
        <Text size="xs" c="dimmed" mb="sm">
          {t('admin.pathwayBuilder.preview.intro')}
        </Text>
      )}
      <Paper radius="md" p="md" bg="gray.0" className="pathway-preview-card" lang={locale}>
        <Stack gap="sm">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconAward size={36} color="var(--mantine-color-kmg-7)" aria-hidden style={{ flex: 'none' }} />
            <div style={{ minWidth: 0 }}>
              <Text
                fw={700}
                size="md"
                lh={1.3}
                c={title ? undefined : 'dimmed'}
                style={{ overflowWrap: 'anywhere' }}
              >
                {title || t('admin.pathwayBuilder.preview.untitled')}
              </Text>
              <Group gap={6} mt={4}>
                {values.kkniLevel && (
                  <Badge variant="light" size="sm" radius="sm" tt="none">
                    {t('admin.pathwayBuilder.preview.level', { level: values.kkniLevel })}
                  </Badge>
                )}
                <Badge variant="light" color="gray" size="sm" radius="sm" tt="none">
                  {values.validityMonths === ''
                    ? t('admin.pathwayBuilder.preview.noExpiry')
                    : t('admin.pathwayBuilder.preview.validity', { months: values.validityMonths })}
                </Badge>
              </Group>
            </div>
          </Group>
          {description && (
            <Text size="sm" lineClamp={4}>
              {description}
            </Text>
          )}
          <Progress value={0} size="sm" radius="xl" aria-hidden />
          <GroupPreview group={values.requirements} sources={sources} isRoot />
          {order.length > 0 && (
            <div>
              <Text fw={700} size="sm" mb={4}>
                {t('admin.pathwayBuilder.preview.orderTitle')}
              </Text>
              <Stack gap={4}>
                {order.map((rule) => (
                  <Note
                    key={`${rule.before}-${rule.after}`}
                    icon={<IconArrowRight size={14} aria-hidden style={{ flex: 'none', marginTop: 2 }} />}
                  >
                    {t('admin.pathwayBuilder.preview.orderRule', {
                      before: items.get(rule.before ?? '') ?? rule.before,
                      after: items.get(rule.after ?? '') ?? rule.after,
                    })}
                  </Note>
                ))}
              </Stack>
            </div>
          )}
          <Stack gap={4}>
            {recency !== null && (
              <Note icon={<IconClockHour4 size={14} aria-hidden style={{ flex: 'none', marginTop: 2 }} />}>
                {t('admin.pathwayBuilder.preview.recency', { years: recency })}
              </Note>
            )}
            <Note icon={<IconCertificate size={14} aria-hidden style={{ flex: 'none', marginTop: 2 }} />}>
              {values.allowCredentialReuse
                ? t('admin.pathwayBuilder.preview.reuse')
                : t('admin.pathwayBuilder.preview.countOnce')}
            </Note>
          </Stack>
        </Stack>
      </Paper>
    </Paper>
  );
}
