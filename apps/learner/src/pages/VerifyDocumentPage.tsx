import { ErrorAlert, LoadError, useLocale } from '@kmg/ui';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconShieldSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { BundleResult, BundleResult_verification } from '#components/BundleResult.tsx';
import { FileDropZone, JsonTextarea, readDocumentFile } from '#components/JsonDocumentInput.tsx';
import { Page } from '#components/Page.tsx';
import { RplRecognitionPanel } from '#components/RplRecognitionView.tsx';
import {
  VerificationResult,
  VerificationResult_verification,
  VerificationResultSkeleton,
} from '#components/VerificationResult.tsx';
import { graphql } from '#graphql.ts';
import { type ClrBundle, readClrBundle } from '#lib/clr.ts';
import { readRplRecognition } from '#lib/rpl-recognition.ts';
import classes from './VerifyDocumentPage.module.css';

const VerifyDocumentPageQuery = graphql(
  `
    query VerifyDocumentPage($document: String!) {
      verifyCredential(document: $document) {
        kind
        ...VerificationResult_verification
        ...BundleResult_verification
      }
    }
  `,
  [VerificationResult_verification, BundleResult_verification],
);

type Checked = { text: string; document: unknown; bundle: ClrBundle | null };

/**
 * Anyone can check a credential file they were given (pasted, chosen or dropped): the same checks
 * as a verification link, against what the file itself says.
 */
export function VerifyDocumentPage() {
  const { t, locale } = useLocale();
  const [text, setText] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [loadedFile, setLoadedFile] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const [{ data, error, fetching }, reexecute] = useQuery({
    query: VerifyDocumentPageQuery,
    variables: { document: checked?.text ?? '' },
    pause: !checked,
    requestPolicy: 'network-only',
  });
  const verification = checked ? data?.verifyCredential : undefined;
  const checkedAt = useMemo(() => new Date(), [verification]);
  // An RPL recognition is a CLR bundle too, told by what it holds.
  const recognition = useMemo(
    () => (checked?.bundle ? readRplRecognition(checked.document, locale) : null),
    [checked, locale],
  );

  // Take the reader to the answer (and a screen reader's focus with it) once it arrives.
  useEffect(() => {
    if (verification && !fetching) {
      resultRef.current?.focus({ preventScroll: true });
      resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
  }, [verification, fetching]);

  // Every attempt replaces the answer to the previous one, whether it gets checked or not.
  const verify = (value: string) => {
    const trimmed = value.trim();
    if (!trimmed) {
      setInputError(t('learner.verify.emptyInput'));
      setChecked(null);
      return;
    }
    let document: unknown;
    try {
      document = JSON.parse(trimmed);
    } catch {
      setInputError(t('learner.verify.notJson'));
      setChecked(null);
      return;
    }
    setInputError(null);
    if (checked?.text === trimmed) reexecute({ requestPolicy: 'network-only' });
    else setChecked({ text: trimmed, document, bundle: readClrBundle(document) });
  };

  const readFile = async (file: File | null) => {
    if (!file) return;
    setLoadedFile(null);
    const read = await readDocumentFile(file);
    if (read.kind === 'read') {
      setText(read.content);
      setLoadedFile(file.name);
      verify(read.content);
      return;
    }
    setInputError(
      read.kind === 'tooLarge'
        ? t('learner.verify.fileTooLarge', { name: file.name })
        : t('learner.verify.fileUnreadable', { name: file.name }),
    );
    setChecked(null);
  };

  return (
    <Page title={t('learner.verify.fileTitle')} lead={t('learner.verify.fileLead')} size="sm">
      <Card withBorder radius="md" padding="lg">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            verify(text);
          }}
          noValidate
        >
          <Stack gap="md">
            <FileDropZone
              chooseLabel={t('learner.verify.chooseFile')}
              onFile={(file) => void readFile(file)}
              hint={(isDragging) => (
                <>
                  {isDragging ? (
                    <Text fw={600} size="sm">
                      {t('learner.verify.dropActive')}
                    </Text>
                  ) : (
                    <>
                      <Text fw={600} size="sm" className={classes.dragHint}>
                        {t('learner.verify.dropTitle')}
                      </Text>
                      <Text fw={600} size="sm" className={classes.pickHint}>
                        {t('learner.verify.pickTitle')}
                      </Text>
                    </>
                  )}
                  <Text size="sm" c="gray.7" className={classes.dragHint}>
                    {t('learner.verify.dropOr')}
                  </Text>
                </>
              )}
            >
              {loadedFile && (
                <Text size="sm" c="gray.8" role="status">
                  {t('learner.verify.fileLoaded', { name: loadedFile })}
                </Text>
              )}
            </FileDropZone>
            <JsonTextarea
              label={t('learner.verify.paste')}
              description={t('learner.verify.pasteHint')}
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                setLoadedFile(null);
                // The answer below was about the text as it was: it goes once the text changes.
                setChecked(null);
                if (inputError) setInputError(null);
              }}
              error={inputError}
              minRows={5}
              maxRows={12}
            />
            <Group gap="sm">
              <Button
                type="submit"
                size="md"
                loading={fetching}
                leftSection={<IconShieldSearch size={20} aria-hidden />}
              >
                {t('learner.verify.submit')}
              </Button>
              {(text || checked) && (
                <Button
                  variant="subtle"
                  size="md"
                  onClick={() => {
                    setText('');
                    setChecked(null);
                    setInputError(null);
                    setLoadedFile(null);
                  }}
                >
                  {t('learner.verify.clear')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Card>

      {checked && (
        <div ref={resultRef} tabIndex={-1} className={classes.result}>
          {verification && !fetching ? (
            // The API says what it checked: a CLR bundle is told apart by its kind, not the file.
            verification.kind === 'ClrCredential' && checked.bundle ? (
              <VerificationResult
                verification={verification}
                document={checked.document}
                checkedAt={checkedAt}
                isBundle
                afterContent={
                  <>
                    {recognition && <RplRecognitionPanel recognition={recognition} />}
                    <BundleResult
                      bundle={checked.bundle}
                      verification={verification}
                      checkedAt={checkedAt}
                      isSummaryShown={!recognition}
                    />
                  </>
                }
              />
            ) : (
              <VerificationResult
                verification={verification}
                document={checked.document}
                checkedAt={checkedAt}
              />
            )
          ) : error && !fetching ? (
            error.graphQLErrors.length > 0 && !error.networkError ? (
              <ErrorAlert>{error.graphQLErrors[0]?.message}</ErrorAlert>
            ) : (
              <LoadError isNetworkError={!!error.networkError} onRetry={() => verify(checked.text)} />
            )
          ) : (
            <VerificationResultSkeleton />
          )}
        </div>
      )}
    </Page>
  );
}
