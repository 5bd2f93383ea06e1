import { Button, FileButton, Textarea, type TextareaProps } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { isPng, readBakedCredential } from '#lib/baked-badge.ts';
import classes from './JsonDocumentInput.module.css';

/** The API refuses larger documents; a credential is a few KB. */
const MAX_BYTES = 1_000_000;

export type DocumentFile = { kind: 'read'; content: string } | { kind: 'tooLarge' } | { kind: 'unreadable' };

/** Reads a credential file the teacher chose (JSON, or a baked badge PNG), or says why it cannot be sent. */
export async function readDocumentFile(file: File): Promise<DocumentFile> {
  if (file.size > MAX_BYTES) return { kind: 'tooLarge' };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // A badge PNG carries the credential baked in (Open Badges 3.0): read it out.
    if (isPng(bytes)) {
      const baked = readBakedCredential(bytes);
      return baked === null ? { kind: 'unreadable' } : { kind: 'read', content: baked };
    }
    return { kind: 'read', content: new TextDecoder().decode(bytes) };
  } catch {
    return { kind: 'unreadable' };
  }
}

/** A credential pasted as JSON: monospace, and no spelling or capital fixes in it. */
export function JsonTextarea(props: Omit<TextareaProps, 'placeholder' | 'classNames'>) {
  return (
    <Textarea
      placeholder='{ "@context": [ … ], "type": [ "VerifiableCredential", "OpenBadgeCredential" ], … }'
      autosize
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      classNames={{ input: classes.json }}
      {...props}
    />
  );
}

/**
 * A credential file chosen with the button or dropped on the zone. `hint` says what to do (it may
 * change while a file is dragged over); `children` come after the button (what was loaded, errors).
 */
export function FileDropZone({
  chooseLabel,
  onFile,
  hint,
  children,
}: {
  chooseLabel: string;
  onFile: (file: File | null) => void;
  hint: (isDragging: boolean) => ReactNode;
  children?: ReactNode;
}) {
  const [isDragging, setIsDragging] = useState(false);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file button does the same
    <div
      className={classes.dropzone}
      data-dragging={isDragging || undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setIsDragging(true);
      }}
      onDragLeave={() => setIsDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setIsDragging(false);
        onFile(event.dataTransfer.files[0] ?? null);
      }}
    >
      <IconFileUpload size={32} stroke={1.5} aria-hidden className={classes.dropIcon} />
      {hint(isDragging)}
      <FileButton onChange={onFile} accept="application/json,.json,application/ld+json,image/png,.png">
        {(props) => (
          <Button {...props} variant="default" size="sm" h={44}>
            {chooseLabel}
          </Button>
        )}
      </FileButton>
      {children}
    </div>
  );
}
