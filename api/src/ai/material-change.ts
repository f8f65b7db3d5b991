import type { CopSignals } from './cop-context.js';

/** NPS points, and the share of MAP or members, by which a CoP must move before its advice is redone. */
const NPS_POINTS = 10;
const MAP_SHARE = 0.2;
const MEMBER_SHARE = 0.1;
const DBU_TREND_POINTS = 10;

const movedBy = (before: number | undefined, now: number | undefined, points: number) =>
  before === undefined || now === undefined ? before !== now : Math.abs(now - before) >= points;

const movedByShare = (before: number | undefined, now: number | undefined, share: number) =>
  before === undefined || now === undefined
    ? before !== now
    : Math.abs(now - before) >= Math.max(1, Math.abs(before) * share);

const sameList = (before: string[], now: string[]) => before.join('\n') === [...now].join('\n');

/**
 * Whether a CoP changed enough since its advice was made that the advice may no longer fit: another phase, NPS
 * moved by 10 points, MAP by 20 % or the members by 10 %, the DBU trend by 10 points, a new event, a use case
 * that moved on, or other people to recognize. Small day-to-day movements (a view, a reply) are not material.
 * `before` is what was stored with the advice (anything unreadable counts as changed).
 */
export function changedMaterially(before: unknown, now: CopSignals): boolean {
  if (!before || typeof before !== 'object') return true;
  const then = before as Partial<CopSignals>;
  if (!Array.isArray(then.recent_events) || !Array.isArray(then.use_cases) || !Array.isArray(then.champions))
    return true;
  return (
    then.phase !== now.phase ||
    movedBy(then.nps, now.nps, NPS_POINTS) ||
    movedByShare(then.map, now.map, MAP_SHARE) ||
    movedByShare(then.member_count, now.member_count, MEMBER_SHARE) ||
    movedBy(then.dbu_trend, now.dbu_trend, DBU_TREND_POINTS) ||
    then.recent_events[0]?.title !== now.recent_events[0]?.title ||
    !sameList(
      then.use_cases.map((useCase) => `${useCase.title}:${useCase.status}`).sort(),
      now.use_cases.map((useCase) => `${useCase.title}:${useCase.status}`).sort(),
    ) ||
    !sameList(then.champions.map((person) => person.name).sort(), now.champions.map((person) => person.name).sort())
  );
}
