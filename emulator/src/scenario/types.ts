import { z } from 'zod';
import { faultRuleSchema } from '../faults/rules.js';

const seconds = z.tuple([z.number().nonnegative(), z.number().nonnegative()]);

/** How a notebook behaves when a task runs it. */
export const notebookBehaviourSchema = z.object({
  /** Execution time in emulated seconds, drawn (seeded) between [min, max]. */
  durationSeconds: seconds,
  /**
   * The JSON the notebook passes to `dbutils.notebook.exit`; a `{min, max}` value becomes a seeded integer
   * in that range for each run.
   */
  output: z
    .record(
      z.string(),
      z.union([z.string(), z.number(), z.boolean(), z.object({ min: z.number().int(), max: z.number().int() })]),
    )
    .optional(),
  /** Probability that a run of this notebook fails (seeded per run). */
  failureRate: z.number().min(0).max(1).default(0),
  /** The exception message of a failure. */
  failureMessage: z.string().default('java.lang.RuntimeException: Task failed'),
  /** Every run fails with `failureMessage` (a test or demo forcing a failure). */
  forceFailure: z.boolean().default(false),
});

export const scenarioJobSchema = z.object({
  /** Settings as `jobs/create` takes them. */
  settings: z.looseObject({ name: z.string() }),
  creatorUserName: z.string(),
  /** Completed runs generated at start, one a day going back. */
  historicRuns: z.number().int().nonnegative().default(0),
});

export const scenarioSchema = z.object({
  /** The workspace id in run page URLs and system tables. */
  workspaceId: z.string().regex(/^\d+$/),
  /** Emulated seconds a task's compute takes to be ready (its `setup_duration`). */
  setupSeconds: seconds,
  /** Emulated seconds of clean-up after a task (`cleanup_duration`) and of a cancel. */
  cleanupSeconds: seconds,
  /** Share of the generated historic runs that failed. */
  historyFailureRate: z.number().min(0).max(1).default(0),
  notebooks: z.record(z.string(), notebookBehaviourSchema),
  /** Notebooks without an entry of their own (created through the API). */
  defaultNotebook: notebookBehaviourSchema,
  jobs: z.array(scenarioJobSchema),
  /** Serverless compute is enabled: tasks may run without a cluster, and the SQL warehouse is serverless. */
  serverlessCompute: z.boolean().default(true),
  faults: z.array(faultRuleSchema).default([]),
});

export type NotebookBehaviour = z.infer<typeof notebookBehaviourSchema>;
export type ScenarioJob = z.infer<typeof scenarioJobSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;

/** Changes to a scenario: top-level fields replace, notebook entries merge field by field. */
export type ScenarioOverrides = Partial<Omit<Scenario, 'notebooks'>> & {
  notebooks?: Record<string, Partial<z.input<typeof notebookBehaviourSchema>>>;
};
