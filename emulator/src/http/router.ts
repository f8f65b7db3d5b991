import type { HttpMethod } from './types.js';

/** Something mounted at a method and a path pattern (`:name` one segment, trailing `*name` the rest). */
export interface Mountable {
  method: HttpMethod;
  path: string;
}

export interface RouteMatch<T extends Mountable> {
  route: T;
  params: Record<string, string>;
}

interface CompiledRoute<T extends Mountable> {
  route: T;
  segments: string[];
  /** Literal segments win over parameters, parameters over a wildcard: `/jobs/list` before `/jobs/:id`. */
  rank: number;
}

const split = (path: string) => path.split('/').filter((segment) => segment !== '');

function rankOf(segments: string[]): number {
  return segments.reduce((rank, segment, index) => {
    const weight = segment.startsWith('*') ? 2 : segment.startsWith(':') ? 1 : 0;
    return rank + weight * 10 ** (segments.length - index);
  }, 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [index, segment] of pattern.entries()) {
    if (segment.startsWith('*')) {
      params[segment.slice(1)] = actual.slice(index).map(decodeURIComponent).join('/');
      return params;
    }
    const value = actual[index];
    if (value === undefined) return undefined;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(value);
    else if (segment !== value) return undefined;
  }
  return pattern.length === actual.length ? params : undefined;
}

/** Matches a request's method and path against mounted patterns, most specific pattern first. */
export class Router<T extends Mountable> {
  private readonly routes: CompiledRoute<T>[];

  constructor(routes: readonly T[]) {
    this.routes = routes
      .map((route) => {
        const segments = split(route.path);
        return { route, segments, rank: rankOf(segments) };
      })
      .sort((a, b) => a.rank - b.rank);
  }

  match(method: string, path: string): RouteMatch<T> | undefined {
    const actual = split(path);
    for (const candidate of this.routes) {
      if (candidate.route.method !== method) continue;
      const params = matchSegments(candidate.segments, actual);
      if (params) return { route: candidate.route, params };
    }
    return undefined;
  }
}
