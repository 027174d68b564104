/**
 * Where the pipeline and its parts report to: the action's log commands or
 * the CLI's stderr. Kept apart from pipeline.ts so that the modules the
 * pipeline calls (promote, merge) can log without importing the pipeline.
 */
export interface PipelineLog {
  info(message: string): void;
  warning(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** A notice the user should see once (the action: `::notice`); info when absent. */
  notice?(message: string): void;
}
