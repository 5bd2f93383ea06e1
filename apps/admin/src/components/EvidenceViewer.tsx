import { fileDisplayOf, type rplEvidenceKinds } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import { Alert, Anchor, Button, Group, NavLink, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconDownload, IconExternalLink, IconFile, IconFileTypePdf, IconPhoto } from '@tabler/icons-react';
import { type MouseEvent, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { fileTypeName } from '#components/EvidenceList.tsx';
import { formatFileSize } from '#lib/delivery.ts';
import { rplEvidenceUrl } from '#lib/evidence-viewer.ts';

/** One of a teacher's RPL evidence files, as the GraphQL `RplEvidence` type gives it. */
export type EvidenceViewerFile = {
  id: string;
  title: string;
  fileName: string;
  mimeType: string;
  size: number;
  kind: (typeof rplEvidenceKinds)[number];
};

const icons = { pdf: IconFileTypePdf, image: IconPhoto, download: IconFile } as const;

/**
 * A teacher's evidence files read in the page, for an assessor: the list, and the chosen file
 * beside it (under it on a phone). A PDF opens in the browser's viewer, a picture fits the width
 * and zooms to full size on a click; anything else says why it is not shown and offers the download.
 * `apiBase` is where the API answers (empty: the console's own origin). Choosing a file is the
 * component's own business unless `selectedId` and `onSelect` are given (a page linking a
 * self-evaluation to its file).
 */
export function EvidenceViewer({
  files,
  apiBase = '',
  selectedId,
  onSelect,
}: {
  files: readonly EvidenceViewerFile[];
  apiBase?: string;
  selectedId?: string | null;
  onSelect?: (id: string) => void;
}) {
  const { t, locale } = useLocale();
  const [ownSelection, setOwnSelection] = useState<string | null>(files[0]?.id ?? null);
  const chosenId = selectedId === undefined ? ownSelection : selectedId;
  const chosen = files.find((file) => file.id === chosenId) ?? (selectedId === undefined ? files[0] : null);
  const shown = useRef<HTMLDivElement>(null);
  const select = (id: string) => {
    setOwnSelection(id);
    onSelect?.(id);
    // On a phone the file opens under the list, maybe off screen: bring its top into view. Beside
    // the list (a wide screen) it is already there, and the page stays put.
    requestAnimationFrame(() => {
      const top = shown.current?.getBoundingClientRect().top;
      if (top !== undefined && top > window.innerHeight / 2)
        shown.current?.scrollIntoView({ block: 'start' });
    });
  };

  if (files.length === 0) return <Text c="dimmed">{t('admin.rpl.evidenceViewer.empty')}</Text>;

  return (
    <div className="evidence-viewer">
      <ul className="evidence-viewer-list" aria-label={t('admin.rpl.evidenceViewer.files')}>
        {files.map((file) => {
          const Icon = icons[fileDisplayOf(file.mimeType)];
          const isChosen = file.id === chosen?.id;
          return (
            <li key={file.id}>
              <NavLink
                component="button"
                type="button"
                active={isChosen}
                aria-current={isChosen ? 'true' : undefined}
                onClick={() => select(file.id)}
                leftSection={<Icon size={18} aria-hidden />}
                label={file.title}
                description={`${t(`admin.rpl.application.evidenceKind.${file.kind}`)} · ${fileTypeName(
                  file.mimeType,
                )} · ${formatFileSize(file.size, locale)}`}
                styles={{ label: { overflowWrap: 'anywhere' } }}
              />
            </li>
          );
        })}
      </ul>
      <div ref={shown} className="evidence-viewer-shown">
        {chosen ? (
          // Keyed by file: a new file starts fitted to the width, with no failed picture carried over.
          <EvidenceFile key={chosen.id} file={chosen} apiBase={apiBase} />
        ) : (
          <Text c="dimmed">{t('admin.rpl.evidenceViewer.choose')}</Text>
        )}
      </div>
    </div>
  );
}

function EvidenceFile({ file, apiBase }: { file: EvidenceViewerFile; apiBase: string }) {
  const { t, locale } = useLocale();
  const [isZoomed, setZoomed] = useState(false);
  const [hasFailed, setFailed] = useState(false);
  const stage = useRef<HTMLDivElement>(null);
  // Zooming in keeps the point clicked under the pointer (the middle, from the keyboard), so a
  // stamp or a signature on a photographed certificate is where the assessor looked.
  const toggleZoom = (event: MouseEvent<HTMLButtonElement>) => {
    const frame = stage.current;
    const picture = frame?.querySelector('img');
    if (isZoomed || !frame || !picture) return setZoomed(false);
    const fitted = picture.getBoundingClientRect();
    const view = frame.getBoundingClientRect();
    const byPointer = event.detail > 0;
    const fx = byPointer ? (event.clientX - fitted.left) / fitted.width : 0.5;
    const fy = byPointer ? (event.clientY - fitted.top) / fitted.height : 0.5;
    flushSync(() => setZoomed(true));
    const px = byPointer ? event.clientX - view.left : frame.clientWidth / 2;
    const py = byPointer ? event.clientY - view.top : frame.clientHeight / 2;
    frame.scrollLeft = fx * picture.naturalWidth - px;
    frame.scrollTop = fy * picture.naturalHeight - py;
  };
  const display = fileDisplayOf(file.mimeType);
  const inlineUrl = rplEvidenceUrl(apiBase, file.id, { inline: true });
  const downloadUrl = rplEvidenceUrl(apiBase, file.id);
  return (
    <section
      className="evidence-viewer-file"
      aria-label={t('admin.rpl.evidenceViewer.preview', { title: file.title })}
    >
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <div style={{ minWidth: 0 }}>
          <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
            {file.title}
          </Title>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {file.fileName} · {formatFileSize(file.size, locale)}
          </Text>
        </div>
        {display !== 'download' && (
          <Group gap="md">
            <Anchor href={inlineUrl} target="_blank" rel="noopener" size="sm">
              <Group gap={4} wrap="nowrap" component="span">
                <IconExternalLink size={16} aria-hidden />
                {t('admin.rpl.evidenceViewer.openInNewTab')}
              </Group>
            </Anchor>
            <Anchor href={downloadUrl} download={file.fileName} size="sm">
              <Group gap={4} wrap="nowrap" component="span">
                <IconDownload size={16} aria-hidden />
                {t('admin.rpl.evidenceViewer.download')}
              </Group>
            </Anchor>
          </Group>
        )}
      </Group>

      {display === 'pdf' && (
        <>
          <iframe
            className="evidence-viewer-frame"
            src={inlineUrl}
            title={t('admin.rpl.evidenceViewer.preview', { title: file.title })}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t('admin.rpl.evidenceViewer.pdfFallback')}
          </Text>
        </>
      )}

      {display === 'image' &&
        (hasFailed ? (
          <Alert color="yellow">{t('admin.rpl.evidenceViewer.imageFailed')}</Alert>
        ) : (
          <>
            <div ref={stage} className="evidence-viewer-stage" data-zoomed={isZoomed || undefined}>
              <UnstyledButton
                className="evidence-viewer-zoom"
                aria-pressed={isZoomed}
                aria-label={t(`admin.rpl.evidenceViewer.${isZoomed ? 'zoomOut' : 'zoomIn'}`, {
                  title: file.title,
                })}
                onClick={toggleZoom}
              >
                <img src={inlineUrl} alt={file.title} onError={() => setFailed(true)} />
              </UnstyledButton>
            </div>
            <Text size="xs" c="dimmed" mt={4}>
              {t('admin.rpl.evidenceViewer.zoomHint')}
            </Text>
          </>
        ))}

      {display === 'download' && (
        <Alert color="gray" icon={<IconFile size={20} aria-hidden />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm" fw={500}>
              {t('admin.rpl.evidenceViewer.notShown', { type: fileTypeName(file.mimeType) })}
            </Text>
            <Text size="sm">{t('admin.rpl.evidenceViewer.notShownHint')}</Text>
            <Button
              component="a"
              href={downloadUrl}
              download={file.fileName}
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              {t('admin.rpl.evidenceViewer.download')}
            </Button>
          </Stack>
        </Alert>
      )}
    </section>
  );
}
