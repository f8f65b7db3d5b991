import { describe, expect, it } from 'vitest';
import { layoutDag, NODE_HEIGHT, NODE_WIDTH } from './dag-layout';

describe('layoutDag', () => {
  it('puts each layer in its own column, left to right, and joins dependency to dependent', () => {
    const layout = layoutDag({
      nodes: [
        { key: 'report', type: 'SQL', layer: 2 },
        { key: 'silver', type: 'NOTEBOOK', layer: 1 },
        { key: 'audit', type: 'PYTHON', layer: 1 },
        { key: 'bronze', type: 'NOTEBOOK', layer: 0 },
      ],
      edges: [
        { from: 'silver', to: 'report' },
        { from: 'bronze', to: 'silver' },
        { from: 'bronze', to: 'audit' },
      ],
    });
    const at = (key: string) => layout.nodes.find((node) => node.key === key)!;
    expect(at('bronze').x).toBeLessThan(at('silver').x);
    expect(at('silver').x).toBe(at('audit').x);
    expect(at('audit').y).toBeGreaterThan(at('silver').y);
    expect(at('silver').x).toBeLessThan(at('report').x);
    expect(layout.width).toBeGreaterThanOrEqual(at('report').x + NODE_WIDTH);
    expect(layout.height).toBeGreaterThanOrEqual(at('audit').y + NODE_HEIGHT);
    const edge = layout.edges.find((e) => e.from === 'bronze' && e.to === 'silver')!;
    expect(edge.path.startsWith(`M ${at('bronze').x + NODE_WIDTH} `)).toBe(true);
  });

  it('draws nothing for an empty pipeline and skips edges to unknown tasks', () => {
    expect(layoutDag({ nodes: [], edges: [{ from: 'a', to: 'b' }] })).toMatchObject({ nodes: [], edges: [] });
  });
});
