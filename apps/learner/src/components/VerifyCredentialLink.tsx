import { useLocale } from '@kmg/ui';
import { Anchor, Group } from '@mantine/core';
import { IconShieldSearch } from '@tabler/icons-react';
import { Link } from 'react-router';

/** "Verifikasi kredensial": the way on from a reference page to checking a credential file. */
export function VerifyCredentialLink() {
  const { t } = useLocale();
  return (
    <Anchor component={Link} to="/verify" size="sm" fw={600}>
      <Group gap={4} component="span" wrap="nowrap">
        <IconShieldSearch size={18} aria-hidden />
        {t('learner.issuer.verify')}
      </Group>
    </Anchor>
  );
}
