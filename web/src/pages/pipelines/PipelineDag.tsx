import { type Component, For } from 'solid-js';
import { type DagInput, layoutDag, NODE_HEIGHT, NODE_WIDTH } from './dag-layout';

const TYPE_LABELS: Record<string, string> = { NOTEBOOK: 'Notebook', SQL: 'SQL', PYTHON: 'Python' };

/** The task graph drawn in layers: what runs first on the left, arrows from each dependency to its dependent. */
export const PipelineDag: Component<{ dag: DagInput }> = (props) => {
  const layout = () => layoutDag(props.dag);
  return (
    <figure class="pipeline-dag">
      <svg
        role="img"
        aria-label={`Task graph: ${props.dag.edges.map((edge) => `${edge.from} → ${edge.to}`).join(', ') || 'independent tasks'}`}
        width={layout().width}
        height={layout().height}
        viewBox={`0 0 ${layout().width} ${layout().height}`}
        data-testid="pipeline-dag"
      >
        <defs>
          <marker id="dag-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto">
            <path d="M 0 0 L 10 5 L 0 10 z" class="pipeline-dag__arrow" />
          </marker>
        </defs>
        <For each={layout().edges}>
          {(edge) => (
            <path
              class="pipeline-dag__edge"
              d={edge.path}
              marker-end="url(#dag-arrow)"
              data-edge={`${edge.from}->${edge.to}`}
            />
          )}
        </For>
        <For each={layout().nodes}>
          {(node) => (
            <g class={`pipeline-dag__node pipeline-dag__node--${node.type.toLowerCase()}`} data-node={node.key}>
              <rect x={node.x} y={node.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx="6" />
              <text x={node.x + 10} y={node.y + 18} class="pipeline-dag__key">
                {node.key}
              </text>
              <text x={node.x + 10} y={node.y + 34} class="pipeline-dag__type">
                {TYPE_LABELS[node.type] ?? node.type}
              </text>
            </g>
          )}
        </For>
      </svg>
    </figure>
  );
};
