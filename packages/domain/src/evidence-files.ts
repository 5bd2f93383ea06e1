/**
 * File types a browser shows by itself, running nothing the file brings: a PDF in its own viewer,
 * and pictures. Only these are sent for reading in the page (`?inline=1`); anything else (office
 * documents, HEIC, video, an Open Badges JSON) is always a download.
 */
export const inlineFileTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;

/** How a stored file is shown to someone reading it in the page. */
export type FileDisplay = 'pdf' | 'image' | 'download';

export function fileDisplayOf(mimeType: string): FileDisplay {
  if (!(inlineFileTypes as readonly string[]).includes(mimeType)) return 'download';
  return mimeType === 'application/pdf' ? 'pdf' : 'image';
}
