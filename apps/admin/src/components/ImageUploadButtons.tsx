import { Button, FileButton, Stack } from '@mantine/core';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';

/**
 * Upload (or replace) and remove, beside an uploaded image's preview: the branding images on the
 * certificate and a university's logo on RPL decrees.
 */
export function ImageUploadButtons({
  accept,
  hasImage,
  uploading,
  busy,
  hintId,
  labels,
  onPick,
  onRemove,
}: {
  accept: readonly string[];
  hasImage: boolean;
  uploading: boolean;
  busy: boolean;
  /** The element that says which files are taken. */
  hintId: string;
  labels: { upload: string; replace: string; remove: string };
  onPick: (file: File | null) => void;
  onRemove: () => void;
}) {
  return (
    <Stack gap="xs">
      <FileButton onChange={onPick} accept={accept.join(',')}>
        {(props) => (
          <Button
            {...props}
            variant="light"
            size="sm"
            loading={uploading}
            leftSection={<IconPhotoUp size={16} aria-hidden />}
            aria-describedby={hintId}
          >
            {hasImage ? labels.replace : labels.upload}
          </Button>
        )}
      </FileButton>
      {hasImage && (
        <Button
          variant="subtle"
          color="red"
          size="sm"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={onRemove}
          disabled={busy}
        >
          {labels.remove}
        </Button>
      )}
    </Stack>
  );
}
