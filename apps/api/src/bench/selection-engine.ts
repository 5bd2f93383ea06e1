import { runSelection, type SelectionCandidate } from '@kmg/domain';

const CALLS = 500;
const PER_CALL = 100;

/** Deterministic pseudo-random numbers, so every run ranks the same data. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function candidatesFor(call: number, next: () => number): SelectionCandidate[] {
  return Array.from({ length: PER_CALL }, (_, index) => ({
    applicationId: `c${call}-a${String(index).padStart(4, '0')}`,
    schoolId: `school-${Math.floor(next() * 400)}`,
    province: String(11 + Math.floor(next() * 20)),
    submittedAt: new Date(Date.UTC(2026, 10, 1) + Math.floor(next() * 86_400_000 * 20)),
    score: Math.floor(next() * 10_001),
  }));
}

function time(run: () => void, repeats = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(repeats / 2)] ?? 0;
}

/** The selection engine over 50,000 applications in 500 calls, against a plain sort of the same data. */
export function runSelectionEngineBench() {
  const next = random(42);
  const calls = Array.from({ length: CALLS }, (_, call) => candidatesFor(call, next));
  const policy = { seats: 20, minScore: 4_000, maxPerSchool: 2, seatsPerProvince: { '11': 3, '12': 3 } };
  let accepted = 0;
  const engine = time(() => {
    accepted = 0;
    for (const candidates of calls)
      accepted += runSelection(candidates, policy).filter((o) => o.kind === 'accepted').length;
  });
  const baseline = time(() => {
    for (const candidates of calls)
      [...candidates].sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).slice(0, 20);
  });
  return {
    title: `Selection engine: ${CALLS * PER_CALL} applications across ${CALLS} calls (caps per school and province), median of 5`,
    lines: [
      `selection engine:       ${engine.toFixed(1).padStart(7)} ms   (${accepted} seats filled; target < 1000 ms)`,
      `baseline (sort by score): ${baseline.toFixed(1).padStart(5)} ms`,
      `ratio engine / baseline: ${(engine / baseline).toFixed(2)}`,
    ],
  };
}
