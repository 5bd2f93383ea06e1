import { useLocale } from '@kmg/ui';
import { isKnownSkkniCategory, type SkkniUnitCode } from '#lib/skkni.ts';
import classes from './SkkniCodeParts.module.css';

const parts = ['category', 'businessCode', 'unitNumber', 'version'] as const;

/** An SKKNI unit code read part by part: `C` (manufacturing), `282000`, `011`, `01`. */
export function SkkniCodeParts({ code }: { code: SkkniUnitCode }) {
  const { t } = useLocale();
  return (
    <dl className={classes.parts}>
      {parts.map((part) => (
        <div key={part} className={classes.part}>
          <dt className={classes.label}>{t(`learner.skkni.parts.${part}`)}</dt>
          <dd className={classes.value}>{code[part]}</dd>
          {part === 'category' && (
            <dd className={classes.name}>
              {isKnownSkkniCategory(code.category)
                ? t(`learner.skkni.categories.${code.category}`)
                : t('learner.skkni.categoryUnknown', { letter: code.category })}
            </dd>
          )}
          <dd className={classes.hint}>{t(`learner.skkni.partHints.${part}`)}</dd>
        </div>
      ))}
    </dl>
  );
}
