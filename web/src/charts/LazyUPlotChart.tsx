import { lazy } from 'solid-js';

/** The uPlot wrapper, fetched when a chart first renders: pages show their figures before uPlot arrives. */
export const LazyUPlotChart = lazy(() => import('./UPlotChart'));
