import type { PipelineLayer } from '../../gql/graphql';

export interface LayerChoice {
  layer: PipelineLayer;
  title: string;
  /** What the layer runs, in the words of the pipeline job. */
  runs: string;
}

/** The medallion layers in run order, then the whole job. */
export const LAYER_CHOICES: readonly LayerChoice[] = [
  {
    layer: 'BRONZE',
    title: 'Bronze',
    runs: 'Bronze ingestion of the raw sources, then the silver transformations that build on it.',
  },
  { layer: 'SILVER', title: 'Silver', runs: 'The silver transformations alone, on the bronze data already ingested.' },
  { layer: 'GOLD', title: 'Gold', runs: 'The gold aggregations that dashboards and KPIs read.' },
  {
    layer: 'ALL',
    title: 'All layers',
    runs: 'The whole pipeline job: bronze ingestion → silver transformations → gold aggregations.',
  },
];

export const layerTitle = (layer: PipelineLayer | null) =>
  LAYER_CHOICES.find((choice) => choice.layer === layer)?.title ?? 'Job';

/** Roles the api lets trigger, cancel and retry runs. */
export const PIPELINE_ROLES: ReadonlySet<string> = new Set(['DATA_ENGINEER', 'CUSTOMER_ADMIN', 'ADMIN']);
