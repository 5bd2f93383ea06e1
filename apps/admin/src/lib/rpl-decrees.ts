// The decrees page: validated cases waiting for their decree, by intake (a university that decrees
// per intake issues one decree for all of an intake's validated cases).

export type WaitingCase = {
  id: string;
  caseReference: string;
  teacherName: string;
  intake: { id: string; code: string; name: string; programme: { id: string; code: string; name: string } };
};

export type WaitingIntake = {
  intake: WaitingCase['intake'];
  cases: WaitingCase[];
};

/** Waiting cases grouped by intake, intakes in programme then intake code order. */
export function waitingByIntake(cases: readonly WaitingCase[]): WaitingIntake[] {
  const groups = new Map<string, WaitingIntake>();
  for (const item of cases) {
    const group = groups.get(item.intake.id) ?? { intake: item.intake, cases: [] };
    group.cases.push(item);
    groups.set(item.intake.id, group);
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.intake.programme.code.localeCompare(b.intake.programme.code) ||
      a.intake.code.localeCompare(b.intake.code),
  );
}
