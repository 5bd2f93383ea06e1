import type { Locale } from '@kmg/domain';
import type { TreeLookups } from '#components/PathwayTreeEditor.tsx';

/**
 * What the builder's pickers choose from that is not searched: skill areas, and the published
 * pathways an item may name (never the pathway itself: it cannot require itself).
 */
export function treeLookups(
  data: {
    skillAreas: readonly { code: string; nameId: string; nameEn: string }[];
    pathways: readonly { code: string; title: string }[];
  },
  { locale, ownCode }: { locale: Locale; ownCode: string | null },
): TreeLookups {
  return {
    skillAreas: data.skillAreas.map((area) => ({
      code: area.code,
      name: locale === 'en' ? area.nameEn : area.nameId,
    })),
    pathways: data.pathways
      .filter((pathway) => pathway.code !== ownCode)
      .map((pathway) => ({ code: pathway.code, title: pathway.title })),
  };
}
