import { useLocale } from '@kmg/ui';
import { Accordion, Alert, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconStack2 } from '@tabler/icons-react';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { gql, useQuery } from 'urql';
import { Fact, FactList } from '#components/CredentialFacts.tsx';
import { VerdictLine } from '#components/VerdictLine.tsx';
import { VerificationResult, VerificationResult_verification } from '#components/VerificationResult.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { type ClrBundle, embeddedDocumentText } from '#lib/clr.ts';
import { credentialViewFromDocument } from '#lib/credential-view.ts';
import { formatDay } from '#lib/format-day.ts';
import { verdictOf } from '#lib/verdict.ts';

type Verification = FragmentOf<typeof VerificationResult_verification>;

/**
 * The bundle's own answer and one per embedded credential, in the order they are embedded. Written
 * against the agreed contract while the API gains `kind` and `embedded`: used only where
 * `canVerifyBundles` (lib/api-features.ts) says the schema has them; once it does, this document
 * moves into `graphql()` like the others.
 */
export const VerifyBundleQuery = gql<
  { verifyCredential: (Verification & { kind: string; embedded: Verification[] }) | null },
  { document: string }
>`
  query VerifyBundle($document: String!) {
    verifyCredential(document: $document) {
      kind
      ...VerificationResult_verification
      embedded {
        ...VerificationResult_verification
      }
    }
  }
  ${VerificationResult_verification}
`;

const EmbeddedCheckQuery = graphql(
  `
    query EmbeddedCheck($document: String!) {
      verifyCredential(document: $document) {
        ...VerificationResult_verification
      }
    }
  `,
  [VerificationResult_verification],
);

/**
 * A CLR 2.0 bundle on the verification page: who it is for and from whom, then every credential in
 * it with its own verdict, each opening to its full check. `embedded` holds the API's answers for
 * them when it checked the bundle as a whole; without them (an API that cannot check bundles yet)
 * each credential is sent to be checked on its own, and the page says the bundle's own signature
 * was not checked.
 */
export function BundleResult({
  bundle,
  embedded,
  checkedAt,
}: {
  bundle: ClrBundle;
  embedded: readonly Verification[] | null;
  checkedAt: Date;
}) {
  const { t, locale } = useLocale();
  const headingId = useId();
  const count = bundle.embedded.length;
  // The bundle's own signature can hold while a credential inside was revoked since: each verdict
  // is gathered here so the reader learns it before opening them one by one.
  const [verdicts, setVerdicts] = useState<Record<number, boolean>>({});
  const report = useCallback(
    (index: number, isValid: boolean) =>
      setVerdicts((known) => (known[index] === isValid ? known : { ...known, [index]: isValid })),
    [],
  );
  const known = Object.values(verdicts);
  const failed = known.filter((isValid) => !isValid).length;
  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconStack2 size={28} aria-hidden color="var(--mantine-color-kmg-7)" style={{ flexShrink: 0 }} />
            <div>
              <Title order={2} fz="lg" id={headingId}>
                {t('learner.verify.bundle.title')}
              </Title>
              <Text size="sm" c="gray.7">
                {t('learner.verify.bundle.lead', { count })}
              </Text>
            </div>
          </Group>
          {bundle.name && (
            <Text fz={{ base: 20, sm: 22 }} fw={700} lh={1.3}>
              {bundle.name}
            </Text>
          )}
          <FactList>
            {bundle.learnerName && (
              <Fact label={t('learner.verify.bundle.learner')} isWideOnPhones>
                {bundle.learnerName}
              </Fact>
            )}
            {bundle.issuerName && (
              <Fact label={t('learner.verify.bundle.issuer')} isWideOnPhones>
                {bundle.issuerName}
              </Fact>
            )}
            {bundle.validFrom && (
              <Fact label={t('learner.verify.bundle.issued')}>{formatDay(bundle.validFrom, locale)}</Fact>
            )}
          </FactList>
          {count > 0 && known.length === count && (
            <Alert
              color={failed > 0 ? 'red' : 'green'}
              variant="light"
              icon={
                failed > 0 ? (
                  <IconAlertTriangle size={20} aria-hidden />
                ) : (
                  <IconCircleCheck size={20} aria-hidden />
                )
              }
              p="sm"
              role={failed > 0 ? 'alert' : undefined}
            >
              <Text size="sm" fw={600}>
                {failed > 0
                  ? t('learner.verify.bundle.someNotValid', { failed, count })
                  : t('learner.verify.bundle.allValid', { count })}
              </Text>
            </Alert>
          )}
          {!embedded && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} aria-hidden />} p="sm">
              <Text size="sm">{t('learner.verify.bundle.wholeNotChecked')}</Text>
            </Alert>
          )}
        </Stack>
      </Card>

      <Stack gap="sm" component="section" aria-labelledby={`${headingId}-embedded`}>
        <div>
          <Title order={2} fz="lg" id={`${headingId}-embedded`}>
            {t('learner.verify.bundle.embedded')}
          </Title>
          <Text size="sm" c="gray.7">
            {count > 0 ? t('learner.verify.bundle.embeddedHint') : t('learner.verify.bundle.empty')}
          </Text>
        </div>
        {count > 0 && (
          <Accordion
            variant="separated"
            radius="md"
            chevronPosition="right"
            styles={{
              item: {
                border: '1px solid var(--mantine-color-gray-3)',
                background: 'var(--mantine-color-white)',
              },
              content: { paddingInline: 8 },
            }}
          >
            {bundle.embedded.map((document, index) => (
              <EmbeddedCredential
                // The file's order is the only identity an embedded credential is sure to have.
                key={index}
                value={String(index)}
                document={document}
                position={index + 1}
                count={count}
                verification={embedded ? (embedded[index] ?? null) : undefined}
                checkedAt={checkedAt}
                onVerdict={report}
              />
            ))}
          </Accordion>
        )}
      </Stack>
    </Stack>
  );
}

function EmbeddedCredential({
  value,
  document,
  position,
  count,
  verification: given,
  checkedAt,
  onVerdict,
}: {
  value: string;
  document: unknown;
  position: number;
  count: number;
  /** From the bundle's answer; undefined: check this one on its own; null: the API sent none. */
  verification: Verification | null | undefined;
  checkedAt: Date;
  onVerdict: (index: number, isValid: boolean) => void;
}) {
  const { t, locale } = useLocale();
  const text = useMemo(() => embeddedDocumentText(document), [document]);
  const [{ data, fetching }] = useQuery({
    query: EmbeddedCheckQuery,
    variables: { document: text },
    pause: given !== undefined,
    requestPolicy: 'network-only',
  });
  const verification = given === undefined ? (fetching ? null : (data?.verifyCredential ?? null)) : given;
  const outcome = verification ? readFragment(VerificationResult_verification, verification) : null;
  useEffect(() => {
    if (outcome) onVerdict(position - 1, verdictOf(outcome).kind === 'valid');
  }, [outcome, onVerdict, position]);
  const view = credentialViewFromDocument(document, locale);
  const name = view?.name || t('learner.verify.bundle.untitled');

  return (
    <Accordion.Item value={value}>
      <Accordion.Control aria-label={`${name}, ${t('learner.verify.bundle.position', { position, count })}`}>
        <Stack gap={2}>
          <Text size="sm" fw={700} lh={1.3}>
            {name}
          </Text>
          {view?.issuerName && (
            <Text size="xs" c="gray.7">
              {view.issuerName}
            </Text>
          )}
          {outcome ? (
            <VerdictLine verification={outcome} />
          ) : given === undefined && fetching ? (
            <Group gap={6}>
              <Loader size={14} />
              <Text size="xs" c="gray.7">
                {t('learner.verify.checking')}
              </Text>
            </Group>
          ) : (
            <Text size="xs" c="red.9">
              {t('learner.verify.checkFailed')}
            </Text>
          )}
        </Stack>
      </Accordion.Control>
      <Accordion.Panel>
        {verification && (
          <VerificationResult verification={verification} document={document} checkedAt={checkedAt} />
        )}
      </Accordion.Panel>
    </Accordion.Item>
  );
}
