import { useLocale } from '@kmg/ui';
import type { ReactNode } from 'react';
import { CredentialFacts } from '#components/CredentialFacts.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { credentialViewFromRecord } from '#lib/credential-view.ts';

export const CredentialDetails_credential = graphql(`
  fragment CredentialDetails_credential on Credential {
    id
    credentialId
    name
    achievementType
    learnerName
    issuerName
    parentOrganizationName
    awardedAt
    validFrom
    validUntil
    workloadHours
    sks
    source
    trainingStartDate
    trainingEndDate
    call {
      id
      title
    }
  }
`);

/** KMG's record of a credential, read as a person reads it (see `CredentialFacts`). */
export function CredentialDetails({
  credential: data,
  headingOrder,
  badge,
  children,
}: {
  credential: FragmentOf<typeof CredentialDetails_credential>;
  headingOrder?: 1 | 2 | 3;
  badge?: ReactNode;
  children?: ReactNode;
}) {
  const credential = readFragment(CredentialDetails_credential, data);
  const { locale } = useLocale();
  return (
    <CredentialFacts
      view={credentialViewFromRecord(credential, locale)}
      credentialId={credential.credentialId}
      headingOrder={headingOrder}
      badge={badge}
    >
      {children}
    </CredentialFacts>
  );
}
