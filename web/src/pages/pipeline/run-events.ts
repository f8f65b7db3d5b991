import { graphql } from '../../gql';

/** The run now (merged into the cache as the `JobRun` entity), then each event (merged by `runCacheUpdates`). */
export const RunEventsSubscription = graphql(`
  subscription RunEvents($runId: ID!, $afterSeq: Int) {
    runEvents(runId: $runId, afterSeq: $afterSeq) {
      snapshot {
        ...RunFields
      }
      event {
        seq
        type
        state
        resultState
        currentTask
        durationMs
        etaMs
        recordsProcessed
        errorMessage
        runPageUrl
        tasks {
          ...RunTaskFields
        }
      }
    }
  }
`);
