import { graphql } from '../../gql';

/** Everything a run view shows; the query, the subscription's snapshot and the mutations all select it. */
export const RunFields = graphql(`
  fragment RunFields on JobRun {
    id
    layer
    state
    resultState
    isTerminal
    currentTask
    runPageUrl
    createdAt
    startedAt
    endedAt
    durationMs
    etaMs
    recordsProcessed
    errorMessage
    lastSeq
    tasks {
      ...RunTaskFields
    }
  }
`);

export const RunTaskFields = graphql(`
  fragment RunTaskFields on RunTaskState {
    taskKey
    databricksRunId
    state
    resultState
    message
    recordsProcessed
    startedAt
    endedAt
  }
`);
