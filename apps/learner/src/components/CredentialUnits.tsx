import { useLocale } from '@kmg/ui';
import { Badge, Text } from '@mantine/core';
import type { CredentialUnit } from '#lib/credential-view.ts';
import classes from './CredentialUnits.module.css';

/** The SKKNI units a credential covers, each with its code, title and (when assessed) its result. */
export function CredentialUnits({ units, labelledBy }: { units: CredentialUnit[]; labelledBy?: string }) {
  const { t } = useLocale();
  return (
    <ul className={classes.units} aria-labelledby={labelledBy}>
      {units.map((unit) => (
        <li key={unit.code} className={classes.unit}>
          <div className={classes.text}>
            <Text size="xs" ff="monospace" c="gray.7" lh={1.4}>
              {unit.code}
            </Text>
            <Text size="sm" lh={1.4} c="dark.8">
              {unit.title}
            </Text>
          </div>
          {unit.result && (
            <Badge
              color={unit.result === 'K' ? 'green' : 'orange'}
              variant="light"
              tt="none"
              size="md"
              className={classes.result}
            >
              {t(`learner.credentials.result.${unit.result}`)}
            </Badge>
          )}
        </li>
      ))}
    </ul>
  );
}
