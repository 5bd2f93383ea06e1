// What a call teaches: its SKKNI units (reference rows, named by code) and its learning outcomes
// (rows keyed LO1, LO2...), written from the call form's lists.
import type { Prisma } from '@kmg/db';
import { learningOutcomeRows } from '@kmg/domain';

type Tx = Prisma.TransactionClient;

/** Adds the SKKNI units the reference table does not know yet, titled as the call names them. */
export async function ensureSkkniUnits(tx: Tx, units: readonly { code: string; title: string }[]) {
  if (units.length === 0) return;
  await tx.skkniUnit.createMany({
    data: units.map((unit) => ({ code: unit.code, titleId: unit.title })),
    skipDuplicates: true,
  });
}

/** The nested writes that give a call exactly these units and outcomes, in this order. */
export function callContentWrites(content: {
  competencyUnits: readonly { code: string; title: string }[];
  learningOutcomes: readonly string[];
}) {
  return {
    competencyUnits: { create: content.competencyUnits.map((unit, position) => ({ ...unit, position })) },
    learningOutcomes: { create: learningOutcomeRows(content.learningOutcomes) },
  };
}
