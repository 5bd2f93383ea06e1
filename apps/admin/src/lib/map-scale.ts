// The map's colour scale: five classes of equal width from zero to a round maximum, in a
// sequential ColorBrewer scheme (YlGnBu, marked colour-blind safe by ColorBrewer), light to dark.
// "No data" is not a colour of the scale: it is drawn hatched.

export const MAP_COLOURS = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;

export type MapClass = { from: number; to: number; colour: string };

/** 1, 2, 2.5 or 5 times a power of ten, at least `value`. */
function roundUp(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= value - 1e-9) ?? 10;
  return step * power;
}

/** The classes for these values (missing ones left out): each from its lower bound, up to the next. */
export function mapClasses(values: readonly number[]): MapClass[] {
  const max = Math.max(0, ...values);
  const step = roundUp(max / MAP_COLOURS.length);
  const bound = (index: number) => Number((index * step).toPrecision(12));
  return MAP_COLOURS.map((colour, index) => ({ from: bound(index), to: bound(index + 1), colour }));
}

/** The class a value falls in: lower bound included, upper excluded (the last takes its bound too). */
export function classOf(value: number, classes: readonly MapClass[]): MapClass | undefined {
  return classes.find(
    (item, index) => value >= item.from && (value < item.to || index === classes.length - 1),
  );
}
