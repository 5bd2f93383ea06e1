import type { ErrorCode, Locale, MessageParams } from '#messages.ts';

/** Each action names the statuses it may start from and the one it leads to. */
export type TransitionTable<Status extends string, Action extends string> = Readonly<
  Record<Action, { readonly from: readonly Status[]; readonly to: Status }>
>;

export type TransitionPlan<Status extends string> =
  | { kind: 'allowed'; to: Status }
  | { kind: 'refused'; code: ErrorCode; params: MessageParams };

export type StateMachine<Status extends string, Action extends string> = {
  /** The status a record is created in. */
  initial: Status;
  transitions: TransitionTable<Status, Action>;
  /** Whether `action` may start from `status`. */
  can(status: Status, action: Action): boolean;
  /** Where `action` leads from `status`, or why it may not start there (the message names both). */
  plan(status: Status, action: Action): TransitionPlan<Status>;
  /** The table read the other way: every move out of `status`, with the action that makes it. */
  movesFrom(status: Status): { action: Action; to: Status }[];
};

/**
 * A state machine as data. The planner only reads the table; the service layer's `transition`
 * functions write what it allows (and refuse, as a bug guard, what it does not).
 */
export function defineStateMachine<Status extends string, Action extends string>(spec: {
  initial: Status;
  transitions: TransitionTable<Status, Action>;
  /** The refusal: its code, and the words the message uses for a status and an action. */
  refusal: {
    code: ErrorCode;
    statusLabels: Readonly<Record<Status, Record<Locale, string>>>;
    actionLabels: Readonly<Record<Action, Record<Locale, string>>>;
  };
}): StateMachine<Status, Action> {
  const { transitions, refusal } = spec;
  const can = (status: Status, action: Action) => transitions[action].from.includes(status);
  return {
    initial: spec.initial,
    transitions,
    can,
    plan(status, action) {
      if (can(status, action)) return { kind: 'allowed', to: transitions[action].to };
      return {
        kind: 'refused',
        code: refusal.code,
        params: { status: refusal.statusLabels[status], action: refusal.actionLabels[action] },
      };
    },
    movesFrom(status) {
      return (Object.keys(transitions) as Action[])
        .filter((action) => can(status, action))
        .map((action) => ({ action, to: transitions[action].to }));
    },
  };
}
