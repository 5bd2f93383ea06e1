import { useLocale } from '@kmg/ui';
import { Accordion, Alert, Card, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconStack2 } from '@tabler/icons-react';
import { useId } from 'react';
import { Fact, FactList } from '#components/CredentialFacts.tsx';
import { VerdictLine } from '#components/VerdictLine.tsx';
import { VerificationResult, VerificationResult_verification } from '#components/VerificationResult.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import type { ClrBundle } from '#lib/clr.ts';
import { credentialViewFromDocument } from '#lib/credential-view.ts';
import { formatDay } from '#lib/format-day.ts';
import { verdictOf } from '#lib/verdict.ts';

export const BundleResult_verification = graphql(
  `
    fragment BundleResult_verification on CredentialVerification {
      embedded {
        ...VerificationResult_verification
      }
    }
  `,
  [VerificationResult_verification],
);

/**
 * A CLR 2.0 bundle on the verification page, between its verdict and its own checks: who it is
 * for and from whom, whether every credential inside holds, then each of them with its verdict,
 * opening to its full check. The API answers for the embedded credentials in the order the file
 * embeds them.
 */
export function BundleResult({
  bundle,
  verification: data,
  checkedAt,
  isSummaryShown = true,
}: {
  bundle: ClrBundle;
  verification: FragmentOf<typeof BundleResult_verification>;
  checkedAt: Date;
  /** False where the page tells what the bundle is itself (an RPL recognition): the checks only. */
  isSummaryShown?: boolean;
}) {
  const { embedded } = readFragment(BundleResult_verification, data);
  const { t, locale } = useLocale();
  const headingId = useId();
  const count = bundle.embedded.length;
  // The bundle's own signature holds while a credential inside was revoked since: say so here,
  // before the reader opens them one by one.
  const failed = embedded.filter(
    (entry) => verdictOf(readFragment(VerificationResult_verification, entry)).kind !== 'valid',
  ).length;

  const allValid = embedded.length > 0 && (
    <Alert
      color={failed > 0 ? 'red' : 'green'}
      variant="light"
      icon={
        failed > 0 ? <IconAlertTriangle size={20} aria-hidden /> : <IconCircleCheck size={20} aria-hidden />
      }
      p="sm"
    >
      <Text size="sm" fw={600}>
        {failed > 0
          ? t('learner.verify.bundle.someNotValid', { failed, count: embedded.length })
          : t('learner.verify.bundle.allValid', { count: embedded.length })}
      </Text>
    </Alert>
  );

  return (
    <Stack gap="lg">
      {isSummaryShown && (
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
          <Stack gap="md">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <IconStack2
                size={28}
                aria-hidden
                color="var(--mantine-color-kmg-7)"
                style={{ flexShrink: 0 }}
              />
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
            {allValid}
          </Stack>
        </Card>
      )}

      <Stack gap="sm" component="section" aria-labelledby={`${headingId}-embedded`}>
        <div>
          <Title order={2} fz="lg" id={`${headingId}-embedded`}>
            {t('learner.verify.bundle.embedded')}
          </Title>
          <Text size="sm" c="gray.7">
            {count > 0 ? t('learner.verify.bundle.embeddedHint') : t('learner.verify.bundle.empty')}
          </Text>
        </div>
        {!isSummaryShown && allValid}
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
            {bundle.embedded.map((document, index) => {
              const answer = embedded[index];
              const view = credentialViewFromDocument(document, locale);
              const name = view?.name || t('learner.verify.bundle.untitled');
              return (
                // The file's order is the only identity an embedded credential is sure to have.
                <Accordion.Item key={index} value={String(index)}>
                  {/* Named by what it shows, and where it sits in the bundle for a screen reader. */}
                  <Accordion.Control>
                    <VisuallyHidden>
                      {t('learner.verify.bundle.position', { position: index + 1, count })}
                    </VisuallyHidden>
                    <Stack gap={2}>
                      <Text size="sm" fw={700} lh={1.3}>
                        {name}
                      </Text>
                      {view?.issuerName && (
                        <Text size="xs" c="gray.7">
                          {view.issuerName}
                        </Text>
                      )}
                      {answer ? (
                        <VerdictLine verification={readFragment(VerificationResult_verification, answer)} />
                      ) : (
                        <Text size="xs" c="red.9">
                          {t('learner.verify.checkFailed')}
                        </Text>
                      )}
                    </Stack>
                  </Accordion.Control>
                  <Accordion.Panel>
                    {answer && (
                      <VerificationResult verification={answer} document={document} checkedAt={checkedAt} />
                    )}
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        )}
      </Stack>
    </Stack>
  );
}
