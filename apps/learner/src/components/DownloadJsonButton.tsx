import { useLocale } from '@kmg/ui';
import { Button, type ButtonProps, Stack, Text } from '@mantine/core';
import { IconFileDownload } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { downloadJson, type JsonDownload } from '#lib/download-json.ts';

/**
 * Saves a JSON file the API builds on request (a CLR bundle), and says so in words when it cannot:
 * not available, signed out, no connection.
 */
export function DownloadJsonButton({
  url,
  filename,
  children,
  ...props
}: { url: string; filename: string; children: ReactNode } & Omit<ButtonProps, 'children'>) {
  const { t } = useLocale();
  const [state, setState] = useState<'idle' | 'busy' | JsonDownload>('idle');
  const problem =
    typeof state === 'object' && state.kind !== 'saved'
      ? state.kind === 'unavailable'
        ? t('learner.credentials.downloadUnavailable')
        : state.kind === 'signedOut'
          ? t('learner.credentials.downloadSignedOut')
          : state.isNetworkError
            ? t('common.networkError')
            : t('learner.errors.unexpected')
      : null;
  return (
    <Stack gap={4}>
      <Button
        leftSection={<IconFileDownload size={20} aria-hidden />}
        // Labels wrap rather than being cut off on phones.
        styles={{
          root: { height: 'auto', minHeight: 44, paddingBlock: 6 },
          label: { whiteSpace: 'normal', lineHeight: 1.25, textAlign: 'left' },
        }}
        {...props}
        loading={state === 'busy'}
        onClick={async () => {
          setState('busy');
          setState(await downloadJson(url, filename));
        }}
      >
        {children}
      </Button>
      {problem && (
        <Text size="sm" c="red.9" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
