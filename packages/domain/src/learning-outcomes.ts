/** A learning outcome as stored for a call or an achievement: its key within the owner, text and place. */
export type LearningOutcomeRow = { code: string; textId: string; textEn: string | null; position: number };

/**
 * The stored outcomes for a list as the call form gives it (Indonesian text, in order): keyed
 * LO1, LO2... by place, which is how RPL matching and the credential name them.
 */
export function learningOutcomeRows(texts: readonly string[]): LearningOutcomeRow[] {
  return texts.map((text, index) => ({
    code: `LO${index + 1}`,
    textId: text,
    textEn: null,
    position: index,
  }));
}
