import { describe, expect, it } from 'vitest';
import { classOf, MAP_COLOURS, mapClasses } from '#lib/map-scale.ts';

describe('mapClasses', () => {
  it.each([
    [
      [0, 3, 17.5],
      [0, 5, 10, 15, 20],
    ],
    [
      [120, 640],
      [0, 200, 400, 600, 800],
    ],
    [[0.4], [0, 0.1, 0.2, 0.3, 0.4]],
    [[], [0, 1, 2, 3, 4]],
    [
      [0, 0],
      [0, 1, 2, 3, 4],
    ],
  ])('splits %o into five round classes from %o', (values, starts) => {
    const classes = mapClasses(values);
    expect(classes.map((item) => item.from)).toEqual(starts);
    expect(classes.map((item) => item.colour)).toEqual([...MAP_COLOURS]);
  });
});

describe('classOf', () => {
  const classes = mapClasses([20]);
  it.each([
    [0, 0],
    [4.9, 0],
    [5, 1],
    [19.9, 3],
    [20, 4],
    [25, 4],
  ])('puts %s in class %i', (value, index) => {
    expect(classOf(value, classes)).toBe(classes[index]);
  });
});
