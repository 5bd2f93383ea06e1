import { describe, expect, it } from 'vitest';
import { defineStateMachine } from '#state-machine.ts';

const lamp = defineStateMachine<'OFF' | 'ON' | 'BROKEN', 'switchOn' | 'switchOff' | 'break'>({
  initial: 'OFF',
  transitions: {
    switchOn: { from: ['OFF'], to: 'ON' },
    switchOff: { from: ['ON'], to: 'OFF' },
    break: { from: ['OFF', 'ON'], to: 'BROKEN' },
  },
  refusal: {
    code: 'INVALID_TRANSITION',
    statusLabels: {
      OFF: { id: 'Mati', en: 'Off' },
      ON: { id: 'Menyala', en: 'On' },
      BROKEN: { id: 'Rusak', en: 'Broken' },
    },
    actionLabels: {
      switchOn: { id: 'dinyalakan', en: 'switched on' },
      switchOff: { id: 'dimatikan', en: 'switched off' },
      break: { id: 'dirusak', en: 'broken' },
    },
  },
});

describe('defineStateMachine', () => {
  it('allows an action from a status the table lists, and says where it leads', () => {
    expect(lamp.plan('OFF', 'switchOn')).toEqual({ kind: 'allowed', to: 'ON' });
    expect(lamp.can('ON', 'break')).toBe(true);
  });

  it('refuses any other, naming the status and the action in both languages', () => {
    expect(lamp.plan('BROKEN', 'switchOn')).toEqual({
      kind: 'refused',
      code: 'INVALID_TRANSITION',
      params: { status: { id: 'Rusak', en: 'Broken' }, action: { id: 'dinyalakan', en: 'switched on' } },
    });
  });

  it('reads the table the other way: every move out of a status', () => {
    expect(lamp.movesFrom('ON')).toEqual([
      { action: 'switchOff', to: 'OFF' },
      { action: 'break', to: 'BROKEN' },
    ]);
    expect(lamp.movesFrom('BROKEN')).toEqual([]);
  });
});
