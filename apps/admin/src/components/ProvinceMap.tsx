import { useLocale } from '@kmg/ui';
import { Group, Skeleton, Stack, Text } from '@mantine/core';
import { type CSSProperties, useEffect, useId, useMemo, useState } from 'react';
import { classOf, type MapClass, mapClasses } from '#lib/map-scale.ts';
import type { ProvinceShapes } from '#map/province-shapes.ts';
import styles from './ProvinceMap.module.css';

export type ProvinceMapProps = {
  /** What the map shows; names the figure and the SVG. */
  title: string;
  /** Province code (Kemendagri) or name -> value; a missing or null value is "no data". */
  values: Readonly<Record<string, number | null | undefined>>;
  /** How a value reads in the tooltip, the legend and the provinces' names (default: a plain number). */
  formatValue?: (value: number) => string;
  /** The id of the caller's table of the same figures, the map's text alternative. */
  tableId?: string;
};

/**
 * A choropleth of Indonesia's 38 provinces: a sequential colour-blind-safe scale in five classes,
 * "no data" hatched, a tooltip on hover and keyboard focus, and the boundaries' credit line. The
 * outlines load as their own chunk when the map is first shown. The caller gives the figures as a
 * table too (`tableId`): the map is not the only way to read them.
 */
export function ProvinceMap({ title, values, formatValue, tableId }: ProvinceMapProps) {
  const { t, locale } = useLocale();
  const [shapes, setShapes] = useState<ProvinceShapes | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const id = useId();
  const hatchId = `${id}-no-data`;
  const titleId = `${id}-title`;

  useEffect(() => {
    let live = true;
    import('#map/province-shapes.ts')
      .then((module) => live && setShapes(module.provinceShapes))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);

  const format = useMemo(
    () =>
      formatValue ??
      ((value: number) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID').format(value)),
    [formatValue, locale],
  );
  const valueAt = (shape: { code: string; name: string }) => values[shape.code] ?? values[shape.name] ?? null;
  const scale = useMemo(
    () => mapClasses(Object.values(values).filter((value): value is number => typeof value === 'number')),
    [values],
  );
  const describe = (value: number | null) => (value === null ? t('admin.map.noData') : format(value));
  const activeShape = shapes?.shapes.find((shape) => shape.code === active);

  return (
    <Stack component="figure" gap="xs" m={0} aria-labelledby={titleId}>
      <Text component="figcaption" id={titleId} fw={600}>
        {title}
      </Text>
      {failed ? (
        <Text c="red.8" role="alert">
          {t('admin.map.failed')}
        </Text>
      ) : !shapes ? (
        <Skeleton h={220} role="status" aria-label={t('admin.map.loading')} />
      ) : (
        <div className={styles.frame}>
          {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; the group names the provinces' drawing. */}
          <svg
            className={styles.svg}
            viewBox={`0 0 ${shapes.width} ${shapes.height}`}
            role="group"
            aria-label={title}
            aria-describedby={tableId}
          >
            <defs>
              <pattern
                id={hatchId}
                patternUnits="userSpaceOnUse"
                width="6"
                height="6"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" fill="#f1f3f5" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#868e96" strokeWidth="2" />
              </pattern>
            </defs>
            {shapes.shapes.map((shape) => {
              const value = valueAt(shape);
              const fill = value === null ? `url(#${hatchId})` : (classOf(value, scale)?.colour ?? '#ffffff');
              return (
                // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a province is a named picture part, not a control; `img` gives its name a role.
                <path
                  key={shape.code}
                  d={shape.d}
                  fill={fill}
                  className={`${styles.province} ${active === shape.code ? styles.active : ''}`}
                  role="img"
                  tabIndex={0}
                  aria-label={`${shape.name}: ${describe(value)}`}
                  data-province={shape.code}
                  onMouseEnter={() => setActive(shape.code)}
                  onMouseLeave={() => setActive((current) => (current === shape.code ? null : current))}
                  onFocus={() => setActive(shape.code)}
                  onBlur={() => setActive((current) => (current === shape.code ? null : current))}
                />
              );
            })}
          </svg>
          {activeShape && (
            <div
              className={styles.tooltip}
              aria-hidden
              style={
                {
                  left: `${(activeShape.centroid[0] / shapes.width) * 100}%`,
                  top: `${(activeShape.centroid[1] / shapes.height) * 100}%`,
                } as CSSProperties
              }
            >
              <strong>{activeShape.name}</strong>: {describe(valueAt(activeShape))}
            </div>
          )}
        </div>
      )}
      <Legend classes={scale} format={format} hatchId={`${id}-legend-hatch`} />
      <Text size="xs" c="dimmed">
        {t('admin.map.credit')}
      </Text>
    </Stack>
  );
}

function Legend({
  classes,
  format,
  hatchId,
}: {
  classes: MapClass[];
  format: (value: number) => string;
  hatchId: string;
}) {
  const { t } = useLocale();
  return (
    <Group
      component="ul"
      gap="md"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('admin.map.legend')}
    >
      {classes.map((item) => (
        <Group component="li" key={item.colour} gap={6} wrap="nowrap">
          <span className={styles.swatch} style={{ background: item.colour }} aria-hidden />
          <Text size="sm">{t('admin.map.range', { from: format(item.from), to: format(item.to) })}</Text>
        </Group>
      ))}
      <Group component="li" gap={6} wrap="nowrap">
        <svg className={styles.swatch} viewBox="0 0 20 14" aria-hidden>
          <defs>
            <pattern
              id={hatchId}
              patternUnits="userSpaceOnUse"
              width="6"
              height="6"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#f1f3f5" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#868e96" strokeWidth="2" />
            </pattern>
          </defs>
          <rect width="20" height="14" fill={`url(#${hatchId})`} />
        </svg>
        <Text size="sm">{t('admin.map.noData')}</Text>
      </Group>
    </Group>
  );
}
