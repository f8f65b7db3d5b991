/** Where each task of a pipeline's DAG is drawn: one column per layer, tasks of a layer stacked. */
export interface DagInput {
  nodes: { key: string; type: string; layer: number }[];
  edges: { from: string; to: string }[];
}

export interface PlacedNode {
  key: string;
  type: string;
  x: number;
  y: number;
}

export interface DagLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  /** Each edge from the right side of its dependency to the left side of its dependent. */
  edges: { from: string; to: string; path: string }[];
}

export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 44;
const COLUMN_GAP = 70;
const ROW_GAP = 18;
const PADDING = 8;

/** Lays the DAG out in layers (the api's `layer`: dependencies always sit in a column to the left). */
export function layoutDag(dag: DagInput): DagLayout {
  const rows = new Map<number, number>();
  const nodes = dag.nodes.map((node) => {
    const row = rows.get(node.layer) ?? 0;
    rows.set(node.layer, row + 1);
    return {
      key: node.key,
      type: node.type,
      x: PADDING + node.layer * (NODE_WIDTH + COLUMN_GAP),
      y: PADDING + row * (NODE_HEIGHT + ROW_GAP),
    };
  });
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const edges = dag.edges.flatMap((edge) => {
    const from = byKey.get(edge.from);
    const to = byKey.get(edge.to);
    if (!from || !to) return [];
    const x1 = from.x + NODE_WIDTH;
    const y1 = from.y + NODE_HEIGHT / 2;
    const x2 = to.x;
    const y2 = to.y + NODE_HEIGHT / 2;
    const bend = (x2 - x1) / 2;
    return [{ ...edge, path: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}` }];
  });
  const layers = Math.max(0, ...dag.nodes.map((node) => node.layer + 1));
  const tallest = Math.max(0, ...rows.values());
  return {
    width: PADDING * 2 + layers * NODE_WIDTH + Math.max(0, layers - 1) * COLUMN_GAP,
    height: PADDING * 2 + tallest * NODE_HEIGHT + Math.max(0, tallest - 1) * ROW_GAP,
    nodes,
    edges,
  };
}
