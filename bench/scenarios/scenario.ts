/** One benchmark: it sets up what it measures, runs it side by side with a baseline and returns Markdown. */
export interface Scenario {
  name: string;
  /** One sentence for `--help` and the report's heading. */
  title: string;
  /** Iterations when `--iterations` is not given: enough for a stable p99, under a minute on 2 cores. */
  defaultIterations: number;
  /** Runs the scenario; returns the report's body (results and method), without the machine section. */
  run(options: { iterations: number }): Promise<string>;
}
