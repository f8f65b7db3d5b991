import type { Job, JobTaskSettings } from '../databricks/api/jobs.js';
import type { PipelineLayer } from '../generated/prisma/client.js';
import { RunInputError } from './errors.js';

/** The parameter `triggerPipeline(claimIds:)` becomes: a JSON array, as notebooks read it from a widget. */
export const CLAIM_IDS_PARAMETER = 'claim_ids';
const LAYER_PARAMETER = 'layer';

export interface RunNowParameters {
  /** The values sent, whichever field carries them. */
  values: Record<string, string>;
  body: { job_parameters?: Record<string, string>; notebook_params?: Record<string, string> };
}

/**
 * What run-now sends for the caller's parameters, checked against what the job declares: a job with job-level
 * `parameters` takes `job_parameters` of those names only; an older job without them takes `notebook_params`
 * named like its tasks' `base_parameters`. Anything else would be refused by Databricks, so it is refused here,
 * naming the parameter. The gateway's own `layer` hint goes along only where the job declares it.
 */
export function runNowParameters(
  job: Job,
  tasks: JobTaskSettings[],
  requested: Record<string, string>,
  layer: PipelineLayer | undefined,
): RunNowParameters {
  const jobLevel = job.settings.parameters ?? [];
  const declared = new Set(
    jobLevel.length
      ? jobLevel.map((parameter) => parameter.name)
      : tasks.flatMap((task) => Object.keys(task.notebook_task?.base_parameters ?? {})),
  );
  const undeclared = Object.keys(requested).find((name) => !declared.has(name));
  if (undeclared) {
    const known = [...declared].sort().join(', ') || 'none';
    throw new RunInputError(
      `The job "${job.settings.name}" declares no parameter "${undeclared}" (it declares: ${known}).`,
      undeclared === CLAIM_IDS_PARAMETER ? 'claimIds' : 'parameters',
    );
  }
  const values = {
    ...(layer && declared.has(LAYER_PARAMETER) ? { [LAYER_PARAMETER]: layer.toLowerCase() } : {}),
    ...requested,
  };
  if (Object.keys(values).length === 0) return { values, body: {} };
  return { values, body: jobLevel.length ? { job_parameters: values } : { notebook_params: values } };
}

/** The caller's parameters with the claim ids folded in (one name, never both ways). */
export function withClaimIds(parameters: Record<string, string>, claimIds: readonly string[] | null | undefined) {
  if (!claimIds) return parameters;
  if (CLAIM_IDS_PARAMETER in parameters) {
    throw new RunInputError(
      `Give the claims as claimIds or as parameters.${CLAIM_IDS_PARAMETER}, not both.`,
      'claimIds',
    );
  }
  return { ...parameters, [CLAIM_IDS_PARAMETER]: JSON.stringify(claimIds) };
}
