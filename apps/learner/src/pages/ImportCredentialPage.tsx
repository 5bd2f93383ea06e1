import { useLocale } from '@kmg/ui';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  Container,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCircleCheck,
  IconFileImport,
  IconRoute,
} from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ImportedCredentials } from '#components/ImportedCredentials.tsx';
import { FileDropZone, JsonTextarea, readDocumentFile } from '#components/JsonDocumentInput.tsx';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { graphql, type ResultOf } from '#graphql.ts';
import { usePageTitle } from '#lib/page-title.ts';
import classes from './ImportCredentialPage.module.css';

const ImportCredentialMutation = graphql(`
  mutation ImportCredential($document: String, $url: String) {
    importCredential(document: $document, url: $url) {
      __typename
      ... on ImportCredentialSuccess {
        data {
          id
          credentialId
          achievementName
          issuerName
        }
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

type ImportedCredential = Extract<
  ResultOf<typeof ImportCredentialMutation>['importCredential'],
  { __typename: 'ImportCredentialSuccess' }
>['data'];

type Mode = 'paste' | 'file' | 'url';

type Outcome =
  | { kind: 'imported'; credential: ImportedCredential }
  | { kind: 'refused'; message: string; code: string | null };

/**
 * A teacher brings a credential from another issuer into the wallet: pasted, as a file, or by its
 * address. The API verifies it first; a refusal says which check failed, in the teacher's words.
 */
export function ImportCredentialPage() {
  const { t } = useLocale();
  usePageTitle(t('learner.imports.title'));
  return (
    <Container size="sm" px="md" py="lg">
      <Stack gap="lg">
        <Anchor component={Link} to="/kredensial" size="sm" fw={600} style={{ alignSelf: 'flex-start' }}>
          <Group gap={4} component="span">
            <IconArrowLeft size={16} aria-hidden />
            {t('learner.imports.back')}
          </Group>
        </Anchor>
        <Stack gap={4}>
          <Title order={1} fz={{ base: 24, sm: 32 }} lh={1.2}>
            {t('learner.imports.title')}
          </Title>
          <Text c="gray.7" fz={{ base: 'sm', sm: 'md' }}>
            {t('learner.imports.lead')}
          </Text>
        </Stack>
        <RequireSignIn fallback={null}>
          {(viewer) =>
            viewer.isTeacher ? (
              <>
                <ImportForm />
                <ImportedCredentials isListedWhenEmpty />
              </>
            ) : (
              <LockedNotice>{t('learner.credentials.teachersOnly')}</LockedNotice>
            )
          }
        </RequireSignIn>
      </Stack>
    </Container>
  );
}

function ImportForm() {
  const { t } = useLocale();
  const [mode, setMode] = useState<Mode>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [url, setUrl] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [{ fetching }, importCredential] = useMutation(ImportCredentialMutation);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // The answer takes the reader (and a screen reader's focus) with it.
  useEffect(() => {
    if (!outcome) return;
    outcomeRef.current?.focus({ preventScroll: true });
    outcomeRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [outcome]);

  const changeMode = (next: string) => {
    setMode(next as Mode);
    setInputError(null);
    setOutcome(null);
  };

  const readFile = async (chosen: File | null) => {
    if (!chosen) return;
    setOutcome(null);
    setFile(null);
    const read = await readDocumentFile(chosen);
    if (read.kind === 'read') {
      setFile({ name: chosen.name, content: read.content });
      setInputError(null);
      return;
    }
    setInputError(
      read.kind === 'tooLarge'
        ? t('learner.imports.fileTooLarge', { name: chosen.name })
        : t('learner.imports.fileUnreadable', { name: chosen.name }),
    );
  };

  /** What to send, or why nothing can be sent yet. */
  const input = (): { document: string } | { url: string } | { problem: string } => {
    if (mode === 'url') {
      const address = url.trim();
      if (!address) return { problem: t('learner.imports.emptyUrl') };
      return URL.canParse(address) && address.toLowerCase().startsWith('https://')
        ? { url: address }
        : { problem: t('learner.imports.badUrl') };
    }
    const document = mode === 'file' ? file?.content.trim() : text.trim();
    if (!document)
      return { problem: t(mode === 'file' ? 'learner.imports.noFile' : 'learner.imports.emptyPaste') };
    try {
      JSON.parse(document);
    } catch {
      return { problem: t('learner.imports.notJson') };
    }
    return { document };
  };

  const submit = async () => {
    const value = input();
    setOutcome(null);
    if ('problem' in value) {
      setInputError(value.problem);
      return;
    }
    setInputError(null);
    const result = await importCredential('url' in value ? { url: value.url } : { document: value.document });
    const answer = result.data?.importCredential;
    if (!answer) {
      setOutcome({
        kind: 'refused',
        code: null,
        message: result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'),
      });
      return;
    }
    if (answer.__typename === 'ImportCredentialSuccess') {
      setOutcome({ kind: 'imported', credential: answer.data });
      setText('');
      setFile(null);
      setUrl('');
      return;
    }
    if (answer.__typename === 'ValidationError' && answer.fieldErrors.length > 0) {
      setInputError(answer.fieldErrors.map((error) => error.message).join(' '));
      return;
    }
    // ImportRefusedError names the failed check; NotAllowedError (not a teacher) and the rest speak for themselves.
    setOutcome({ kind: 'refused', message: answer.message, code: answer.code });
  };

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="lg">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            <SegmentedControl
              value={mode}
              onChange={changeMode}
              fullWidth
              size="sm"
              aria-label={t('learner.imports.how')}
              data={(['paste', 'file', 'url'] as const).map((value) => ({
                value,
                label: t(`learner.imports.modes.${value}`),
              }))}
            />
            {mode === 'paste' && (
              <JsonTextarea
                label={t('learner.imports.paste')}
                description={t('learner.imports.pasteHint')}
                value={text}
                onChange={(event) => {
                  setText(event.currentTarget.value);
                  setInputError(null);
                  setOutcome(null);
                }}
                error={inputError}
                minRows={6}
                maxRows={14}
              />
            )}
            {mode === 'file' && (
              <FileDropZone
                chooseLabel={t('learner.imports.chooseFile')}
                onFile={(chosen) => void readFile(chosen)}
                hint={() => (
                  <Text size="sm" c="gray.8">
                    {t('learner.imports.fileHint')}
                  </Text>
                )}
              >
                {file && (
                  <Text size="sm" fw={600} c="gray.8" role="status">
                    {t('learner.imports.fileLoaded', { name: file.name })}
                  </Text>
                )}
                {inputError && (
                  <Text size="sm" c="red.9" role="alert">
                    {inputError}
                  </Text>
                )}
              </FileDropZone>
            )}
            {mode === 'url' && (
              <TextInput
                type="url"
                inputMode="url"
                label={t('learner.imports.url')}
                description={t('learner.imports.urlHint')}
                placeholder="https://"
                value={url}
                onChange={(event) => {
                  setUrl(event.currentTarget.value);
                  setInputError(null);
                  setOutcome(null);
                }}
                error={inputError}
                autoCapitalize="off"
                autoCorrect="off"
                spellCheck={false}
              />
            )}
            <Group>
              <Button
                type="submit"
                size="md"
                loading={fetching}
                leftSection={<IconFileImport size={20} aria-hidden />}
              >
                {t('learner.imports.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>

      {outcome && (
        <div ref={outcomeRef} tabIndex={-1} className={classes.outcome}>
          {outcome.kind === 'imported' ? (
            <Alert
              color="green"
              variant="light"
              icon={<IconCircleCheck size={22} aria-hidden />}
              title={t('learner.imports.importedTitle')}
              role="status"
            >
              <Stack gap="xs">
                <Text size="sm">
                  {t('learner.imports.importedText', {
                    name: outcome.credential.achievementName,
                    issuer: outcome.credential.issuerName,
                  })}
                </Text>
                <Text size="sm">{t('learner.imports.importedPathways')}</Text>
                <Group gap="sm">
                  <Button
                    component={Link}
                    to="/jalur"
                    size="sm"
                    variant="light"
                    leftSection={<IconRoute size={18} aria-hidden />}
                  >
                    {t('learner.imports.seePathways')}
                  </Button>
                  <Button size="sm" variant="subtle" onClick={() => setOutcome(null)}>
                    {t('learner.imports.importAnother')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle size={22} aria-hidden />}
              title={t('learner.imports.refusedTitle')}
              role="alert"
            >
              <Text size="sm">{outcome.message}</Text>
              {outcome.code && (
                <Text size="xs" c="gray.7" mt={6}>
                  {t('learner.imports.refusedCode')} <Code>{outcome.code}</Code>
                </Text>
              )}
            </Alert>
          )}
        </div>
      )}
    </Stack>
  );
}
