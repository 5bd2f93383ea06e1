import type { db } from '@kmg/db';
import { isSkkniUnitCode } from '@kmg/domain';
import { publishedCallsWhere } from '#rules/calls.ts';

/**
 * An SKKNI unit by its code, titled as the reference table has it, when a published training
 * teaches it (what a credential's alignment link resolves to); null for anything else.
 */
export async function findPublicSkkniUnit(
  client: ReturnType<typeof db>,
  code: string,
): Promise<{ code: string; title: string } | null> {
  const value = code.trim().toUpperCase();
  if (!isSkkniUnitCode(value)) return null;
  const unit = await client.skkniUnit.findFirst({
    where: { code: value, competencyUnits: { some: { call: publishedCallsWhere } } },
    select: { code: true, titleId: true },
  });
  return unit && { code: unit.code, title: unit.titleId };
}
