import type { Component } from 'solid-js';
import type { CopPhase } from '../gql/graphql';

const PHASES: CopPhase[] = ['FOUNDATION', 'GROWTH', 'SCALE', 'OPTIMIZATION'];

export interface PhaseBadgeProps {
  phase: CopPhase;
}

/** The CoP's maturity phase, with its step in the journey (Foundation → Optimization). */
export const PhaseBadge: Component<PhaseBadgeProps> = (props) => {
  const step = () => PHASES.indexOf(props.phase) + 1;
  const word = () => props.phase.charAt(0) + props.phase.slice(1).toLowerCase();
  return (
    <span
      class={`badge phase phase--${props.phase.toLowerCase()}`}
      title={`Phase ${step()} of ${PHASES.length}: ${word()}`}
    >
      <span class="phase__steps" aria-hidden="true">
        {PHASES.map((_, index) => (
          <span classList={{ 'is-done': index < step() }} />
        ))}
      </span>
      {word()}
    </span>
  );
};
