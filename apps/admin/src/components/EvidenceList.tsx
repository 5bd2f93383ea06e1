import { useLocale } from '@kmg/ui';
import { ActionIcon, Anchor, Group, List, Text } from '@mantine/core';
import { IconFile, IconLink, IconPhoto, IconTrash } from '@tabler/icons-react';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '#graphql.ts';
import { formatFileSize } from '#lib/delivery.ts';

export const EvidenceList_evidence = graphql(`
  fragment EvidenceList_evidence on Evidence {
    id
    kind
    name
    url
    mimeType
    size
  }
`);

/** Short names for the types the API accepts. */
const typeNames: Record<string, string> = {
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'video/mp4': 'MP4',
};

export function fileTypeName(mimeType: string | null | undefined): string {
  return mimeType ? (typeNames[mimeType] ?? mimeType) : '';
}

export type EvidenceItem = ResultOf<typeof EvidenceList_evidence>;

/**
 * An assessment's evidence: links open in a new tab, files download (for those allowed). While
 * results are recorded, each item has a button that asks to remove it (`onRemove`).
 */
export function EvidenceList({
  evidence: data,
  compact,
  onRemove,
}: {
  evidence: readonly FragmentOf<typeof EvidenceList_evidence>[];
  compact?: boolean;
  onRemove?: (item: EvidenceItem) => void;
}) {
  const { t, locale } = useLocale();
  const evidence = data.map((item) => readFragment(EvidenceList_evidence, item));
  return (
    <List size="sm" spacing={4} mt={compact ? 4 : 0} listStyleType="none" withPadding={false}>
      {evidence.map((item) => {
        const isLink = item.kind === 'LINK';
        const Icon = isLink ? IconLink : item.mimeType?.startsWith('image/') ? IconPhoto : IconFile;
        return (
          <List.Item key={item.id}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Icon size={16} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Anchor
                  href={item.url}
                  size="sm"
                  style={{ overflowWrap: 'anywhere' }}
                  {...(isLink ? { target: '_blank', rel: 'noopener noreferrer' } : { download: item.name })}
                >
                  {item.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {isLink
                    ? t('admin.delivery.assessment.linkKind')
                    : [
                        fileTypeName(item.mimeType),
                        item.size === null ? null : formatFileSize(item.size, locale),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                </Text>
              </div>
              {onRemove && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('admin.delivery.assessment.removeEvidence', { name: item.name })}
                  onClick={() => onRemove(item)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
