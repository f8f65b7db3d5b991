/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminAuditLogs($first: Int!, $after: String, $action: String) {\n    auditLogs(first: $first, after: $after, action: $action) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        action\n        actorType\n        actorId\n        createdAt\n        entityType\n        entityId\n        details\n        customer {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AdminAuditLogsDocument,
    "\n  mutation TestIntegration($id: ID!) {\n    testIntegration(id: $id) {\n      ok\n      checkedAt\n      steps {\n        step\n        ok\n        code\n        message\n        durationMs\n      }\n    }\n  }\n": typeof types.TestIntegrationDocument,
    "\n  query AdminIntegrations {\n    customers(first: 50) {\n      nodes {\n        id\n        name\n        cops(first: 100) {\n          nodes {\n            id\n            name\n          }\n        }\n        integrations(first: 20) {\n          nodes {\n            id\n            type\n            displayName\n            isActive\n            databricks {\n              host\n              authType\n              warehouseId\n              pipelineJobId\n            }\n            secrets {\n              name\n              isSet\n              updatedAt\n            }\n            ...WorkspaceMappings_integration\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminIntegrationsDocument,
    "\n  mutation UpdateIntegrationSecret($id: ID!, $secrets: IntegrationSecretsInput!) {\n    updateIntegration(id: $id, input: { secrets: $secrets }) {\n      id\n      updatedAt\n      secrets {\n        name\n        isSet\n        updatedAt\n      }\n    }\n  }\n": typeof types.UpdateIntegrationSecretDocument,
    "\n  query AdminServiceTokens {\n    customers(first: 50) {\n      nodes {\n        id\n        name\n        serviceTokens(first: 50) {\n          totalCount\n          nodes {\n            id\n            name\n            prefix\n            role\n            createdAt\n            lastUsedAt\n            revokedAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminServiceTokensDocument,
    "\n  mutation CreateServiceToken($input: CreateServiceTokenInput!) {\n    createServiceToken(input: $input) {\n      token\n      serviceToken {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateServiceTokenDocument,
    "\n  mutation RevokeServiceToken($id: ID!) {\n    revokeServiceToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeServiceTokenDocument,
    "\n  fragment WorkspaceMappingRow_mapping on WorkspaceMapping {\n    id\n    workspaceName\n    workspaceUrl\n    workspaceId\n    defaultCatalog\n    defaultSchema\n    isActive\n    cop {\n      id\n      name\n    }\n  }\n": typeof types.WorkspaceMappingRow_MappingFragmentDoc,
    "\n  fragment WorkspaceMappings_integration on Integration {\n    id\n    workspaceMappings(first: 50) {\n      totalCount\n      nodes {\n        ...WorkspaceMappingRow_mapping\n      }\n    }\n  }\n": typeof types.WorkspaceMappings_IntegrationFragmentDoc,
    "\n  mutation CreateWorkspaceMapping($input: CreateWorkspaceMappingInput!) {\n    createWorkspaceMapping(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateWorkspaceMappingDocument,
    "\n  mutation UpdateWorkspaceMapping($id: ID!, $input: UpdateWorkspaceMappingInput!) {\n    updateWorkspaceMapping(id: $id, input: $input) {\n      ...WorkspaceMappingRow_mapping\n    }\n  }\n": typeof types.UpdateWorkspaceMappingDocument,
    "\n  mutation DeleteWorkspaceMapping($id: ID!) {\n    deleteWorkspaceMapping(id: $id)\n  }\n": typeof types.DeleteWorkspaceMappingDocument,
    "\n  query CopAdvice($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      advice {\n        generatedAt\n        expiresAt\n        isExpired\n        model\n        ...AdviceView_advice\n      }\n    }\n  }\n": typeof types.CopAdviceDocument,
    "\n  mutation GenerateCopAdvice($copId: ID!, $refresh: Boolean) {\n    generateCopAdvice(copId: $copId, refresh: $refresh) {\n      generatedAt\n    }\n  }\n": typeof types.GenerateCopAdviceDocument,
    "\n  fragment AdviceView_advice on CopAdvice {\n    summary\n    nextSessions {\n      title\n      format\n      rationale\n    }\n    contentToPrioritize {\n      title\n      reason\n    }\n    championsToRecognize {\n      name\n      reason\n    }\n    roadmap {\n      phase\n      milestone\n      timeframe\n    }\n  }\n": typeof types.AdviceView_AdviceFragmentDoc,
    "\n  query CustomerWorkspaces {\n    customers(first: 50) {\n      nodes {\n        id\n        workspaces {\n          ...WorkspaceExplorer_workspace\n        }\n      }\n    }\n  }\n": typeof types.CustomerWorkspacesDocument,
    "\n  query CopWorkspaces($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      workspaces {\n        ...WorkspaceExplorer_workspace\n      }\n    }\n  }\n": typeof types.CopWorkspacesDocument,
    "\n  fragment WorkspaceExplorer_workspace on DatabricksWorkspace {\n    id\n    name\n    url\n    workspaceId\n    cop {\n      id\n      name\n    }\n  }\n": typeof types.WorkspaceExplorer_WorkspaceFragmentDoc,
    "\n  query WorkspaceCatalogs($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          stale\n          fetchedAt\n          nodes {\n            name\n            comment\n            owner\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceCatalogsDocument,
    "\n  query WorkspaceSchemas($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          nodes {\n            name\n            schemas {\n              stale\n              fetchedAt\n              nodes {\n                name\n                fullName\n                comment\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceSchemasDocument,
    "\n  query WorkspaceTables($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          nodes {\n            name\n            schemas {\n              nodes {\n                fullName\n                tables {\n                  stale\n                  fetchedAt\n                  nodes {\n                    name\n                    fullName\n                    tableType\n                    format\n                    owner\n                    comment\n                    createdAt\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceTablesDocument,
    "\n  query WorkspaceColumns($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          nodes {\n            name\n            schemas {\n              nodes {\n                fullName\n                tables {\n                  nodes {\n                    fullName\n                    columns {\n                      name\n                      type\n                      nullable\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceColumnsDocument,
    "\n  query CopContent($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n      contentAssets(first: 50) {\n        totalCount\n        nodes {\n          id\n          title\n          description\n          url\n          assetType\n          skillLevel\n          personaTag\n          tags\n          views\n          embeddable\n          databricksLink\n        }\n      }\n    }\n  }\n": typeof types.CopContentDocument,
    "\n  mutation RecordContentView($id: ID!) {\n    recordContentView(id: $id) {\n      id\n      views\n    }\n  }\n": typeof types.RecordContentViewDocument,
    "\n  fragment ChampionsPanel_cop on Cop {\n    champions(first: 6) {\n      totalCount\n      nodes {\n        id\n        reason\n        recognizedAt\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ChampionsPanel_CopFragmentDoc,
    "\n  query CopDashboard($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      description\n      phase\n      industry\n      isActive\n      startDate\n      daysActive\n      customer {\n        id\n        name\n      }\n      ...ChampionsPanel_cop\n      ...EventsPanel_cop\n      ...UseCasesPanel_cop\n      ...SurveysPanel_cop\n    }\n  }\n": typeof types.CopDashboardDocument,
    "\n  fragment EventsPanel_cop on Cop {\n    upcomingEvents: events(upcoming: true, first: 5) {\n      totalCount\n      nodes {\n        id\n        title\n        kind\n        startsAt\n        endsAt\n        location\n      }\n    }\n  }\n": typeof types.EventsPanel_CopFragmentDoc,
    "\n  query CopKpis($id: ID!, $metricNames: [String!]!, $from: Date!) {\n    cop(id: $id) {\n      id\n      kpiSeries(metricNames: $metricNames, from: $from) {\n        metricName\n        points {\n          date\n          value\n        }\n      }\n    }\n  }\n": typeof types.CopKpisDocument,
    "\n  query CopMembers($id: ID!, $first: Int!) {\n    cop(id: $id) {\n      id\n      members(first: $first) {\n        totalCount\n        pageInfo {\n          hasNextPage\n        }\n        nodes {\n          id\n          role\n          joinedAt\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.CopMembersDocument,
    "\n  query CopPlatformUsage($id: ID!) {\n    cop(id: $id) {\n      id\n      platformUsage {\n        from\n        to\n        stale\n        activeUsers\n        series {\n          metric\n          total\n          points {\n            date\n            value\n          }\n        }\n      }\n    }\n  }\n": typeof types.CopPlatformUsageDocument,
    "\n  fragment SurveysPanel_cop on Cop {\n    surveys(first: 5) {\n      totalCount\n      nodes {\n        id\n        title\n        isOpen\n        createdAt\n        nps\n        responseCount\n        responseRate\n      }\n    }\n  }\n": typeof types.SurveysPanel_CopFragmentDoc,
    "\n  fragment UseCasesPanel_cop on Cop {\n    useCases(first: 8) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        platform\n        leader\n        valueEstimate\n      }\n    }\n  }\n": typeof types.UseCasesPanel_CopFragmentDoc,
    "\n  query PipelinePage($id: ID!) {\n    me {\n      id\n      role\n    }\n    cop(id: $id) {\n      id\n      name\n      runs(first: 10) {\n        totalCount\n        nodes {\n          ...RunFields\n        }\n      }\n    }\n  }\n": typeof types.PipelinePageDocument,
    "\n  query PipelineRun($id: ID!) {\n    jobRun(id: $id) {\n      ...RunFields\n    }\n  }\n": typeof types.PipelineRunDocument,
    "\n  mutation TriggerPipeline($input: TriggerPipelineInput!) {\n    triggerPipeline(input: $input) {\n      ...RunFields\n      cop {\n        id\n      }\n    }\n  }\n": typeof types.TriggerPipelineDocument,
    "\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      ...RunFields\n    }\n  }\n": typeof types.CancelRunDocument,
    "\n  mutation RetryRun($id: ID!, $idempotencyKey: String) {\n    retryRun(id: $id, idempotencyKey: $idempotencyKey) {\n      ...RunFields\n      cop {\n        id\n      }\n    }\n  }\n": typeof types.RetryRunDocument,
    "\n  subscription RunEvents($runId: ID!, $afterSeq: Int) {\n    runEvents(runId: $runId, afterSeq: $afterSeq) {\n      snapshot {\n        ...RunFields\n      }\n      event {\n        seq\n        type\n        state\n        resultState\n        currentTask\n        durationMs\n        etaMs\n        recordsProcessed\n        errorMessage\n        runPageUrl\n        tasks {\n          ...RunTaskFields\n        }\n      }\n    }\n  }\n": typeof types.RunEventsDocument,
    "\n  fragment RunFields on JobRun {\n    id\n    layer\n    state\n    resultState\n    isTerminal\n    currentTask\n    runPageUrl\n    createdAt\n    startedAt\n    endedAt\n    durationMs\n    etaMs\n    recordsProcessed\n    errorMessage\n    lastSeq\n    tasks {\n      ...RunTaskFields\n    }\n  }\n": typeof types.RunFieldsFragmentDoc,
    "\n  fragment RunTaskFields on RunTaskState {\n    taskKey\n    databricksRunId\n    state\n    resultState\n    message\n    recordsProcessed\n    startedAt\n    endedAt\n  }\n": typeof types.RunTaskFieldsFragmentDoc,
    "\n  fragment CopCard_cop on Cop {\n    id\n    name\n    phase\n    isActive\n    daysActive\n    members {\n      totalCount\n    }\n    trends: kpiSeries(metricNames: [\"MAP\", \"NPS\"], from: $from) {\n      metricName\n      points {\n        date\n        value\n      }\n    }\n  }\n": typeof types.CopCard_CopFragmentDoc,
    "\n  query Portfolio($from: Date!) {\n    customers(first: 50) {\n      totalCount\n      nodes {\n        id\n        name\n        industry\n        businessArea\n        cops(first: 50) {\n          totalCount\n          nodes {\n            ...CopCard_cop\n          }\n        }\n      }\n    }\n  }\n": typeof types.PortfolioDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n    }\n  }\n": typeof types.SignInDocument,
    "\n  fragment QuestionResults_question on SurveyQuestion {\n    id\n    position\n    prompt\n    type\n    choices\n    answers(first: 100) {\n      totalCount\n      nodes {\n        id\n        numberValue\n        textValue\n      }\n    }\n  }\n": typeof types.QuestionResults_QuestionFragmentDoc,
    "\n  query Survey($id: ID!) {\n    survey(id: $id) {\n      ...SurveyFacts_survey\n      # Editors see every response, others only their own: compared with responseCount to say which.\n      visibleResponses: responses(first: 1) {\n        totalCount\n      }\n      cop {\n        id\n        name\n      }\n      questions {\n        id\n        position\n        prompt\n        type\n        choices\n        required\n        ...QuestionResults_question\n      }\n      summary {\n        generatedAt\n        expiresAt\n        isExpired\n        model\n        ...SurveySummaryView_summary\n      }\n    }\n  }\n": typeof types.SurveyDocument,
    "\n  mutation SummarizeSurvey($surveyId: ID!, $refresh: Boolean) {\n    summarizeSurvey(surveyId: $surveyId, refresh: $refresh) {\n      generatedAt\n    }\n  }\n": typeof types.SummarizeSurveyDocument,
    "\n  mutation SubmitSurveyResponse($input: SubmitSurveyResponseInput!) {\n    submitSurveyResponse(input: $input) {\n      id\n      survey {\n        id\n        nps\n        responseCount\n        responseRate\n      }\n    }\n  }\n": typeof types.SubmitSurveyResponseDocument,
    "\n  fragment SurveySummaryView_summary on SurveySummary {\n    responseCount\n    nps\n    workingWell\n    opportunities\n    topActions\n    themes {\n      theme\n      sentiment\n      count\n    }\n  }\n": typeof types.SurveySummaryView_SummaryFragmentDoc,
    "\n  query CopSurveys($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      surveys(first: 50) {\n        totalCount\n        nodes {\n          ...SurveyFacts_survey\n        }\n      }\n    }\n  }\n": typeof types.CopSurveysDocument,
    "\n  fragment SurveyFacts_survey on Survey {\n    id\n    title\n    description\n    isOpen\n    createdAt\n    nps\n    responseCount\n    responseRate\n  }\n": typeof types.SurveyFacts_SurveyFragmentDoc,
    "\n  query Shell {\n    me {\n      id\n      name\n      email\n      role\n      customer {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ShellDocument,
};
const documents: Documents = {
    "\n  query AdminAuditLogs($first: Int!, $after: String, $action: String) {\n    auditLogs(first: $first, after: $after, action: $action) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        action\n        actorType\n        actorId\n        createdAt\n        entityType\n        entityId\n        details\n        customer {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AdminAuditLogsDocument,
    "\n  mutation TestIntegration($id: ID!) {\n    testIntegration(id: $id) {\n      ok\n      checkedAt\n      steps {\n        step\n        ok\n        code\n        message\n        durationMs\n      }\n    }\n  }\n": types.TestIntegrationDocument,
    "\n  query AdminIntegrations {\n    customers(first: 50) {\n      nodes {\n        id\n        name\n        cops(first: 100) {\n          nodes {\n            id\n            name\n          }\n        }\n        integrations(first: 20) {\n          nodes {\n            id\n            type\n            displayName\n            isActive\n            databricks {\n              host\n              authType\n              warehouseId\n              pipelineJobId\n            }\n            secrets {\n              name\n              isSet\n              updatedAt\n            }\n            ...WorkspaceMappings_integration\n          }\n        }\n      }\n    }\n  }\n": types.AdminIntegrationsDocument,
    "\n  mutation UpdateIntegrationSecret($id: ID!, $secrets: IntegrationSecretsInput!) {\n    updateIntegration(id: $id, input: { secrets: $secrets }) {\n      id\n      updatedAt\n      secrets {\n        name\n        isSet\n        updatedAt\n      }\n    }\n  }\n": types.UpdateIntegrationSecretDocument,
    "\n  query AdminServiceTokens {\n    customers(first: 50) {\n      nodes {\n        id\n        name\n        serviceTokens(first: 50) {\n          totalCount\n          nodes {\n            id\n            name\n            prefix\n            role\n            createdAt\n            lastUsedAt\n            revokedAt\n          }\n        }\n      }\n    }\n  }\n": types.AdminServiceTokensDocument,
    "\n  mutation CreateServiceToken($input: CreateServiceTokenInput!) {\n    createServiceToken(input: $input) {\n      token\n      serviceToken {\n        id\n        name\n      }\n    }\n  }\n": types.CreateServiceTokenDocument,
    "\n  mutation RevokeServiceToken($id: ID!) {\n    revokeServiceToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeServiceTokenDocument,
    "\n  fragment WorkspaceMappingRow_mapping on WorkspaceMapping {\n    id\n    workspaceName\n    workspaceUrl\n    workspaceId\n    defaultCatalog\n    defaultSchema\n    isActive\n    cop {\n      id\n      name\n    }\n  }\n": types.WorkspaceMappingRow_MappingFragmentDoc,
    "\n  fragment WorkspaceMappings_integration on Integration {\n    id\n    workspaceMappings(first: 50) {\n      totalCount\n      nodes {\n        ...WorkspaceMappingRow_mapping\n      }\n    }\n  }\n": types.WorkspaceMappings_IntegrationFragmentDoc,
    "\n  mutation CreateWorkspaceMapping($input: CreateWorkspaceMappingInput!) {\n    createWorkspaceMapping(input: $input) {\n      id\n    }\n  }\n": types.CreateWorkspaceMappingDocument,
    "\n  mutation UpdateWorkspaceMapping($id: ID!, $input: UpdateWorkspaceMappingInput!) {\n    updateWorkspaceMapping(id: $id, input: $input) {\n      ...WorkspaceMappingRow_mapping\n    }\n  }\n": types.UpdateWorkspaceMappingDocument,
    "\n  mutation DeleteWorkspaceMapping($id: ID!) {\n    deleteWorkspaceMapping(id: $id)\n  }\n": types.DeleteWorkspaceMappingDocument,
    "\n  query CopAdvice($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      advice {\n        generatedAt\n        expiresAt\n        isExpired\n        model\n        ...AdviceView_advice\n      }\n    }\n  }\n": types.CopAdviceDocument,
    "\n  mutation GenerateCopAdvice($copId: ID!, $refresh: Boolean) {\n    generateCopAdvice(copId: $copId, refresh: $refresh) {\n      generatedAt\n    }\n  }\n": types.GenerateCopAdviceDocument,
    "\n  fragment AdviceView_advice on CopAdvice {\n    summary\n    nextSessions {\n      title\n      format\n      rationale\n    }\n    contentToPrioritize {\n      title\n      reason\n    }\n    championsToRecognize {\n      name\n      reason\n    }\n    roadmap {\n      phase\n      milestone\n      timeframe\n    }\n  }\n": types.AdviceView_AdviceFragmentDoc,
    "\n  query CustomerWorkspaces {\n    customers(first: 50) {\n      nodes {\n        id\n        workspaces {\n          ...WorkspaceExplorer_workspace\n        }\n      }\n    }\n  }\n": types.CustomerWorkspacesDocument,
    "\n  query CopWorkspaces($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      workspaces {\n        ...WorkspaceExplorer_workspace\n      }\n    }\n  }\n": types.CopWorkspacesDocument,
    "\n  fragment WorkspaceExplorer_workspace on DatabricksWorkspace {\n    id\n    name\n    url\n    workspaceId\n    cop {\n      id\n      name\n    }\n  }\n": types.WorkspaceExplorer_WorkspaceFragmentDoc,
    "\n  query WorkspaceCatalogs($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          stale\n          fetchedAt\n          nodes {\n            name\n            comment\n            owner\n          }\n        }\n      }\n    }\n  }\n": types.WorkspaceCatalogsDocument,
    "\n  query WorkspaceSchemas($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          nodes {\n            name\n            schemas {\n              stale\n              fetchedAt\n              nodes {\n                name\n                fullName\n                comment\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.WorkspaceSchemasDocument,
    "\n  query WorkspaceTables($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          nodes {\n            name\n            schemas {\n              nodes {\n                fullName\n                tables {\n                  stale\n                  fetchedAt\n                  nodes {\n                    name\n                    fullName\n                    tableType\n                    format\n                    owner\n                    comment\n                    createdAt\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.WorkspaceTablesDocument,
    "\n  query WorkspaceColumns($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          nodes {\n            name\n            schemas {\n              nodes {\n                fullName\n                tables {\n                  nodes {\n                    fullName\n                    columns {\n                      name\n                      type\n                      nullable\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.WorkspaceColumnsDocument,
    "\n  query CopContent($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n      contentAssets(first: 50) {\n        totalCount\n        nodes {\n          id\n          title\n          description\n          url\n          assetType\n          skillLevel\n          personaTag\n          tags\n          views\n          embeddable\n          databricksLink\n        }\n      }\n    }\n  }\n": types.CopContentDocument,
    "\n  mutation RecordContentView($id: ID!) {\n    recordContentView(id: $id) {\n      id\n      views\n    }\n  }\n": types.RecordContentViewDocument,
    "\n  fragment ChampionsPanel_cop on Cop {\n    champions(first: 6) {\n      totalCount\n      nodes {\n        id\n        reason\n        recognizedAt\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ChampionsPanel_CopFragmentDoc,
    "\n  query CopDashboard($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      description\n      phase\n      industry\n      isActive\n      startDate\n      daysActive\n      customer {\n        id\n        name\n      }\n      ...ChampionsPanel_cop\n      ...EventsPanel_cop\n      ...UseCasesPanel_cop\n      ...SurveysPanel_cop\n    }\n  }\n": types.CopDashboardDocument,
    "\n  fragment EventsPanel_cop on Cop {\n    upcomingEvents: events(upcoming: true, first: 5) {\n      totalCount\n      nodes {\n        id\n        title\n        kind\n        startsAt\n        endsAt\n        location\n      }\n    }\n  }\n": types.EventsPanel_CopFragmentDoc,
    "\n  query CopKpis($id: ID!, $metricNames: [String!]!, $from: Date!) {\n    cop(id: $id) {\n      id\n      kpiSeries(metricNames: $metricNames, from: $from) {\n        metricName\n        points {\n          date\n          value\n        }\n      }\n    }\n  }\n": types.CopKpisDocument,
    "\n  query CopMembers($id: ID!, $first: Int!) {\n    cop(id: $id) {\n      id\n      members(first: $first) {\n        totalCount\n        pageInfo {\n          hasNextPage\n        }\n        nodes {\n          id\n          role\n          joinedAt\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.CopMembersDocument,
    "\n  query CopPlatformUsage($id: ID!) {\n    cop(id: $id) {\n      id\n      platformUsage {\n        from\n        to\n        stale\n        activeUsers\n        series {\n          metric\n          total\n          points {\n            date\n            value\n          }\n        }\n      }\n    }\n  }\n": types.CopPlatformUsageDocument,
    "\n  fragment SurveysPanel_cop on Cop {\n    surveys(first: 5) {\n      totalCount\n      nodes {\n        id\n        title\n        isOpen\n        createdAt\n        nps\n        responseCount\n        responseRate\n      }\n    }\n  }\n": types.SurveysPanel_CopFragmentDoc,
    "\n  fragment UseCasesPanel_cop on Cop {\n    useCases(first: 8) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        platform\n        leader\n        valueEstimate\n      }\n    }\n  }\n": types.UseCasesPanel_CopFragmentDoc,
    "\n  query PipelinePage($id: ID!) {\n    me {\n      id\n      role\n    }\n    cop(id: $id) {\n      id\n      name\n      runs(first: 10) {\n        totalCount\n        nodes {\n          ...RunFields\n        }\n      }\n    }\n  }\n": types.PipelinePageDocument,
    "\n  query PipelineRun($id: ID!) {\n    jobRun(id: $id) {\n      ...RunFields\n    }\n  }\n": types.PipelineRunDocument,
    "\n  mutation TriggerPipeline($input: TriggerPipelineInput!) {\n    triggerPipeline(input: $input) {\n      ...RunFields\n      cop {\n        id\n      }\n    }\n  }\n": types.TriggerPipelineDocument,
    "\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      ...RunFields\n    }\n  }\n": types.CancelRunDocument,
    "\n  mutation RetryRun($id: ID!, $idempotencyKey: String) {\n    retryRun(id: $id, idempotencyKey: $idempotencyKey) {\n      ...RunFields\n      cop {\n        id\n      }\n    }\n  }\n": types.RetryRunDocument,
    "\n  subscription RunEvents($runId: ID!, $afterSeq: Int) {\n    runEvents(runId: $runId, afterSeq: $afterSeq) {\n      snapshot {\n        ...RunFields\n      }\n      event {\n        seq\n        type\n        state\n        resultState\n        currentTask\n        durationMs\n        etaMs\n        recordsProcessed\n        errorMessage\n        runPageUrl\n        tasks {\n          ...RunTaskFields\n        }\n      }\n    }\n  }\n": types.RunEventsDocument,
    "\n  fragment RunFields on JobRun {\n    id\n    layer\n    state\n    resultState\n    isTerminal\n    currentTask\n    runPageUrl\n    createdAt\n    startedAt\n    endedAt\n    durationMs\n    etaMs\n    recordsProcessed\n    errorMessage\n    lastSeq\n    tasks {\n      ...RunTaskFields\n    }\n  }\n": types.RunFieldsFragmentDoc,
    "\n  fragment RunTaskFields on RunTaskState {\n    taskKey\n    databricksRunId\n    state\n    resultState\n    message\n    recordsProcessed\n    startedAt\n    endedAt\n  }\n": types.RunTaskFieldsFragmentDoc,
    "\n  fragment CopCard_cop on Cop {\n    id\n    name\n    phase\n    isActive\n    daysActive\n    members {\n      totalCount\n    }\n    trends: kpiSeries(metricNames: [\"MAP\", \"NPS\"], from: $from) {\n      metricName\n      points {\n        date\n        value\n      }\n    }\n  }\n": types.CopCard_CopFragmentDoc,
    "\n  query Portfolio($from: Date!) {\n    customers(first: 50) {\n      totalCount\n      nodes {\n        id\n        name\n        industry\n        businessArea\n        cops(first: 50) {\n          totalCount\n          nodes {\n            ...CopCard_cop\n          }\n        }\n      }\n    }\n  }\n": types.PortfolioDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n    }\n  }\n": types.SignInDocument,
    "\n  fragment QuestionResults_question on SurveyQuestion {\n    id\n    position\n    prompt\n    type\n    choices\n    answers(first: 100) {\n      totalCount\n      nodes {\n        id\n        numberValue\n        textValue\n      }\n    }\n  }\n": types.QuestionResults_QuestionFragmentDoc,
    "\n  query Survey($id: ID!) {\n    survey(id: $id) {\n      ...SurveyFacts_survey\n      # Editors see every response, others only their own: compared with responseCount to say which.\n      visibleResponses: responses(first: 1) {\n        totalCount\n      }\n      cop {\n        id\n        name\n      }\n      questions {\n        id\n        position\n        prompt\n        type\n        choices\n        required\n        ...QuestionResults_question\n      }\n      summary {\n        generatedAt\n        expiresAt\n        isExpired\n        model\n        ...SurveySummaryView_summary\n      }\n    }\n  }\n": types.SurveyDocument,
    "\n  mutation SummarizeSurvey($surveyId: ID!, $refresh: Boolean) {\n    summarizeSurvey(surveyId: $surveyId, refresh: $refresh) {\n      generatedAt\n    }\n  }\n": types.SummarizeSurveyDocument,
    "\n  mutation SubmitSurveyResponse($input: SubmitSurveyResponseInput!) {\n    submitSurveyResponse(input: $input) {\n      id\n      survey {\n        id\n        nps\n        responseCount\n        responseRate\n      }\n    }\n  }\n": types.SubmitSurveyResponseDocument,
    "\n  fragment SurveySummaryView_summary on SurveySummary {\n    responseCount\n    nps\n    workingWell\n    opportunities\n    topActions\n    themes {\n      theme\n      sentiment\n      count\n    }\n  }\n": types.SurveySummaryView_SummaryFragmentDoc,
    "\n  query CopSurveys($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      surveys(first: 50) {\n        totalCount\n        nodes {\n          ...SurveyFacts_survey\n        }\n      }\n    }\n  }\n": types.CopSurveysDocument,
    "\n  fragment SurveyFacts_survey on Survey {\n    id\n    title\n    description\n    isOpen\n    createdAt\n    nps\n    responseCount\n    responseRate\n  }\n": types.SurveyFacts_SurveyFragmentDoc,
    "\n  query Shell {\n    me {\n      id\n      name\n      email\n      role\n      customer {\n        id\n        name\n      }\n    }\n  }\n": types.ShellDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAuditLogs($first: Int!, $after: String, $action: String) {\n    auditLogs(first: $first, after: $after, action: $action) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        action\n        actorType\n        actorId\n        createdAt\n        entityType\n        entityId\n        details\n        customer {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAuditLogs($first: Int!, $after: String, $action: String) {\n    auditLogs(first: $first, after: $after, action: $action) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        action\n        actorType\n        actorId\n        createdAt\n        entityType\n        entityId\n        details\n        customer {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestIntegration($id: ID!) {\n    testIntegration(id: $id) {\n      ok\n      checkedAt\n      steps {\n        step\n        ok\n        code\n        message\n        durationMs\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TestIntegration($id: ID!) {\n    testIntegration(id: $id) {\n      ok\n      checkedAt\n      steps {\n        step\n        ok\n        code\n        message\n        durationMs\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminIntegrations {\n    customers(first: 50) {\n      nodes {\n        id\n        name\n        cops(first: 100) {\n          nodes {\n            id\n            name\n          }\n        }\n        integrations(first: 20) {\n          nodes {\n            id\n            type\n            displayName\n            isActive\n            databricks {\n              host\n              authType\n              warehouseId\n              pipelineJobId\n            }\n            secrets {\n              name\n              isSet\n              updatedAt\n            }\n            ...WorkspaceMappings_integration\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminIntegrations {\n    customers(first: 50) {\n      nodes {\n        id\n        name\n        cops(first: 100) {\n          nodes {\n            id\n            name\n          }\n        }\n        integrations(first: 20) {\n          nodes {\n            id\n            type\n            displayName\n            isActive\n            databricks {\n              host\n              authType\n              warehouseId\n              pipelineJobId\n            }\n            secrets {\n              name\n              isSet\n              updatedAt\n            }\n            ...WorkspaceMappings_integration\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateIntegrationSecret($id: ID!, $secrets: IntegrationSecretsInput!) {\n    updateIntegration(id: $id, input: { secrets: $secrets }) {\n      id\n      updatedAt\n      secrets {\n        name\n        isSet\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateIntegrationSecret($id: ID!, $secrets: IntegrationSecretsInput!) {\n    updateIntegration(id: $id, input: { secrets: $secrets }) {\n      id\n      updatedAt\n      secrets {\n        name\n        isSet\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminServiceTokens {\n    customers(first: 50) {\n      nodes {\n        id\n        name\n        serviceTokens(first: 50) {\n          totalCount\n          nodes {\n            id\n            name\n            prefix\n            role\n            createdAt\n            lastUsedAt\n            revokedAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminServiceTokens {\n    customers(first: 50) {\n      nodes {\n        id\n        name\n        serviceTokens(first: 50) {\n          totalCount\n          nodes {\n            id\n            name\n            prefix\n            role\n            createdAt\n            lastUsedAt\n            revokedAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateServiceToken($input: CreateServiceTokenInput!) {\n    createServiceToken(input: $input) {\n      token\n      serviceToken {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateServiceToken($input: CreateServiceTokenInput!) {\n    createServiceToken(input: $input) {\n      token\n      serviceToken {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeServiceToken($id: ID!) {\n    revokeServiceToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeServiceToken($id: ID!) {\n    revokeServiceToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkspaceMappingRow_mapping on WorkspaceMapping {\n    id\n    workspaceName\n    workspaceUrl\n    workspaceId\n    defaultCatalog\n    defaultSchema\n    isActive\n    cop {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment WorkspaceMappingRow_mapping on WorkspaceMapping {\n    id\n    workspaceName\n    workspaceUrl\n    workspaceId\n    defaultCatalog\n    defaultSchema\n    isActive\n    cop {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkspaceMappings_integration on Integration {\n    id\n    workspaceMappings(first: 50) {\n      totalCount\n      nodes {\n        ...WorkspaceMappingRow_mapping\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment WorkspaceMappings_integration on Integration {\n    id\n    workspaceMappings(first: 50) {\n      totalCount\n      nodes {\n        ...WorkspaceMappingRow_mapping\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkspaceMapping($input: CreateWorkspaceMappingInput!) {\n    createWorkspaceMapping(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWorkspaceMapping($input: CreateWorkspaceMappingInput!) {\n    createWorkspaceMapping(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWorkspaceMapping($id: ID!, $input: UpdateWorkspaceMappingInput!) {\n    updateWorkspaceMapping(id: $id, input: $input) {\n      ...WorkspaceMappingRow_mapping\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWorkspaceMapping($id: ID!, $input: UpdateWorkspaceMappingInput!) {\n    updateWorkspaceMapping(id: $id, input: $input) {\n      ...WorkspaceMappingRow_mapping\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWorkspaceMapping($id: ID!) {\n    deleteWorkspaceMapping(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWorkspaceMapping($id: ID!) {\n    deleteWorkspaceMapping(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CopAdvice($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      advice {\n        generatedAt\n        expiresAt\n        isExpired\n        model\n        ...AdviceView_advice\n      }\n    }\n  }\n"): (typeof documents)["\n  query CopAdvice($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      advice {\n        generatedAt\n        expiresAt\n        isExpired\n        model\n        ...AdviceView_advice\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateCopAdvice($copId: ID!, $refresh: Boolean) {\n    generateCopAdvice(copId: $copId, refresh: $refresh) {\n      generatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateCopAdvice($copId: ID!, $refresh: Boolean) {\n    generateCopAdvice(copId: $copId, refresh: $refresh) {\n      generatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdviceView_advice on CopAdvice {\n    summary\n    nextSessions {\n      title\n      format\n      rationale\n    }\n    contentToPrioritize {\n      title\n      reason\n    }\n    championsToRecognize {\n      name\n      reason\n    }\n    roadmap {\n      phase\n      milestone\n      timeframe\n    }\n  }\n"): (typeof documents)["\n  fragment AdviceView_advice on CopAdvice {\n    summary\n    nextSessions {\n      title\n      format\n      rationale\n    }\n    contentToPrioritize {\n      title\n      reason\n    }\n    championsToRecognize {\n      name\n      reason\n    }\n    roadmap {\n      phase\n      milestone\n      timeframe\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerWorkspaces {\n    customers(first: 50) {\n      nodes {\n        id\n        workspaces {\n          ...WorkspaceExplorer_workspace\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerWorkspaces {\n    customers(first: 50) {\n      nodes {\n        id\n        workspaces {\n          ...WorkspaceExplorer_workspace\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CopWorkspaces($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      workspaces {\n        ...WorkspaceExplorer_workspace\n      }\n    }\n  }\n"): (typeof documents)["\n  query CopWorkspaces($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      workspaces {\n        ...WorkspaceExplorer_workspace\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkspaceExplorer_workspace on DatabricksWorkspace {\n    id\n    name\n    url\n    workspaceId\n    cop {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment WorkspaceExplorer_workspace on DatabricksWorkspace {\n    id\n    name\n    url\n    workspaceId\n    cop {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceCatalogs($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          stale\n          fetchedAt\n          nodes {\n            name\n            comment\n            owner\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceCatalogs($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          stale\n          fetchedAt\n          nodes {\n            name\n            comment\n            owner\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceSchemas($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          nodes {\n            name\n            schemas {\n              stale\n              fetchedAt\n              nodes {\n                name\n                fullName\n                comment\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceSchemas($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          nodes {\n            name\n            schemas {\n              stale\n              fetchedAt\n              nodes {\n                name\n                fullName\n                comment\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceTables($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          nodes {\n            name\n            schemas {\n              nodes {\n                fullName\n                tables {\n                  stale\n                  fetchedAt\n                  nodes {\n                    name\n                    fullName\n                    tableType\n                    format\n                    owner\n                    comment\n                    createdAt\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceTables($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          nodes {\n            name\n            schemas {\n              nodes {\n                fullName\n                tables {\n                  stale\n                  fetchedAt\n                  nodes {\n                    name\n                    fullName\n                    tableType\n                    format\n                    owner\n                    comment\n                    createdAt\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceColumns($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          nodes {\n            name\n            schemas {\n              nodes {\n                fullName\n                tables {\n                  nodes {\n                    fullName\n                    columns {\n                      name\n                      type\n                      nullable\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceColumns($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on DatabricksWorkspace {\n        catalogs {\n          nodes {\n            name\n            schemas {\n              nodes {\n                fullName\n                tables {\n                  nodes {\n                    fullName\n                    columns {\n                      name\n                      type\n                      nullable\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CopContent($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n      contentAssets(first: 50) {\n        totalCount\n        nodes {\n          id\n          title\n          description\n          url\n          assetType\n          skillLevel\n          personaTag\n          tags\n          views\n          embeddable\n          databricksLink\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CopContent($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n      contentAssets(first: 50) {\n        totalCount\n        nodes {\n          id\n          title\n          description\n          url\n          assetType\n          skillLevel\n          personaTag\n          tags\n          views\n          embeddable\n          databricksLink\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordContentView($id: ID!) {\n    recordContentView(id: $id) {\n      id\n      views\n    }\n  }\n"): (typeof documents)["\n  mutation RecordContentView($id: ID!) {\n    recordContentView(id: $id) {\n      id\n      views\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChampionsPanel_cop on Cop {\n    champions(first: 6) {\n      totalCount\n      nodes {\n        id\n        reason\n        recognizedAt\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ChampionsPanel_cop on Cop {\n    champions(first: 6) {\n      totalCount\n      nodes {\n        id\n        reason\n        recognizedAt\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CopDashboard($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      description\n      phase\n      industry\n      isActive\n      startDate\n      daysActive\n      customer {\n        id\n        name\n      }\n      ...ChampionsPanel_cop\n      ...EventsPanel_cop\n      ...UseCasesPanel_cop\n      ...SurveysPanel_cop\n    }\n  }\n"): (typeof documents)["\n  query CopDashboard($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      description\n      phase\n      industry\n      isActive\n      startDate\n      daysActive\n      customer {\n        id\n        name\n      }\n      ...ChampionsPanel_cop\n      ...EventsPanel_cop\n      ...UseCasesPanel_cop\n      ...SurveysPanel_cop\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventsPanel_cop on Cop {\n    upcomingEvents: events(upcoming: true, first: 5) {\n      totalCount\n      nodes {\n        id\n        title\n        kind\n        startsAt\n        endsAt\n        location\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment EventsPanel_cop on Cop {\n    upcomingEvents: events(upcoming: true, first: 5) {\n      totalCount\n      nodes {\n        id\n        title\n        kind\n        startsAt\n        endsAt\n        location\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CopKpis($id: ID!, $metricNames: [String!]!, $from: Date!) {\n    cop(id: $id) {\n      id\n      kpiSeries(metricNames: $metricNames, from: $from) {\n        metricName\n        points {\n          date\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CopKpis($id: ID!, $metricNames: [String!]!, $from: Date!) {\n    cop(id: $id) {\n      id\n      kpiSeries(metricNames: $metricNames, from: $from) {\n        metricName\n        points {\n          date\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CopMembers($id: ID!, $first: Int!) {\n    cop(id: $id) {\n      id\n      members(first: $first) {\n        totalCount\n        pageInfo {\n          hasNextPage\n        }\n        nodes {\n          id\n          role\n          joinedAt\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CopMembers($id: ID!, $first: Int!) {\n    cop(id: $id) {\n      id\n      members(first: $first) {\n        totalCount\n        pageInfo {\n          hasNextPage\n        }\n        nodes {\n          id\n          role\n          joinedAt\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CopPlatformUsage($id: ID!) {\n    cop(id: $id) {\n      id\n      platformUsage {\n        from\n        to\n        stale\n        activeUsers\n        series {\n          metric\n          total\n          points {\n            date\n            value\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CopPlatformUsage($id: ID!) {\n    cop(id: $id) {\n      id\n      platformUsage {\n        from\n        to\n        stale\n        activeUsers\n        series {\n          metric\n          total\n          points {\n            date\n            value\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SurveysPanel_cop on Cop {\n    surveys(first: 5) {\n      totalCount\n      nodes {\n        id\n        title\n        isOpen\n        createdAt\n        nps\n        responseCount\n        responseRate\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SurveysPanel_cop on Cop {\n    surveys(first: 5) {\n      totalCount\n      nodes {\n        id\n        title\n        isOpen\n        createdAt\n        nps\n        responseCount\n        responseRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UseCasesPanel_cop on Cop {\n    useCases(first: 8) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        platform\n        leader\n        valueEstimate\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment UseCasesPanel_cop on Cop {\n    useCases(first: 8) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        platform\n        leader\n        valueEstimate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PipelinePage($id: ID!) {\n    me {\n      id\n      role\n    }\n    cop(id: $id) {\n      id\n      name\n      runs(first: 10) {\n        totalCount\n        nodes {\n          ...RunFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PipelinePage($id: ID!) {\n    me {\n      id\n      role\n    }\n    cop(id: $id) {\n      id\n      name\n      runs(first: 10) {\n        totalCount\n        nodes {\n          ...RunFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PipelineRun($id: ID!) {\n    jobRun(id: $id) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  query PipelineRun($id: ID!) {\n    jobRun(id: $id) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TriggerPipeline($input: TriggerPipelineInput!) {\n    triggerPipeline(input: $input) {\n      ...RunFields\n      cop {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TriggerPipeline($input: TriggerPipelineInput!) {\n    triggerPipeline(input: $input) {\n      ...RunFields\n      cop {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryRun($id: ID!, $idempotencyKey: String) {\n    retryRun(id: $id, idempotencyKey: $idempotencyKey) {\n      ...RunFields\n      cop {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RetryRun($id: ID!, $idempotencyKey: String) {\n    retryRun(id: $id, idempotencyKey: $idempotencyKey) {\n      ...RunFields\n      cop {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunEvents($runId: ID!, $afterSeq: Int) {\n    runEvents(runId: $runId, afterSeq: $afterSeq) {\n      snapshot {\n        ...RunFields\n      }\n      event {\n        seq\n        type\n        state\n        resultState\n        currentTask\n        durationMs\n        etaMs\n        recordsProcessed\n        errorMessage\n        runPageUrl\n        tasks {\n          ...RunTaskFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RunEvents($runId: ID!, $afterSeq: Int) {\n    runEvents(runId: $runId, afterSeq: $afterSeq) {\n      snapshot {\n        ...RunFields\n      }\n      event {\n        seq\n        type\n        state\n        resultState\n        currentTask\n        durationMs\n        etaMs\n        recordsProcessed\n        errorMessage\n        runPageUrl\n        tasks {\n          ...RunTaskFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunFields on JobRun {\n    id\n    layer\n    state\n    resultState\n    isTerminal\n    currentTask\n    runPageUrl\n    createdAt\n    startedAt\n    endedAt\n    durationMs\n    etaMs\n    recordsProcessed\n    errorMessage\n    lastSeq\n    tasks {\n      ...RunTaskFields\n    }\n  }\n"): (typeof documents)["\n  fragment RunFields on JobRun {\n    id\n    layer\n    state\n    resultState\n    isTerminal\n    currentTask\n    runPageUrl\n    createdAt\n    startedAt\n    endedAt\n    durationMs\n    etaMs\n    recordsProcessed\n    errorMessage\n    lastSeq\n    tasks {\n      ...RunTaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunTaskFields on RunTaskState {\n    taskKey\n    databricksRunId\n    state\n    resultState\n    message\n    recordsProcessed\n    startedAt\n    endedAt\n  }\n"): (typeof documents)["\n  fragment RunTaskFields on RunTaskState {\n    taskKey\n    databricksRunId\n    state\n    resultState\n    message\n    recordsProcessed\n    startedAt\n    endedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CopCard_cop on Cop {\n    id\n    name\n    phase\n    isActive\n    daysActive\n    members {\n      totalCount\n    }\n    trends: kpiSeries(metricNames: [\"MAP\", \"NPS\"], from: $from) {\n      metricName\n      points {\n        date\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CopCard_cop on Cop {\n    id\n    name\n    phase\n    isActive\n    daysActive\n    members {\n      totalCount\n    }\n    trends: kpiSeries(metricNames: [\"MAP\", \"NPS\"], from: $from) {\n      metricName\n      points {\n        date\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Portfolio($from: Date!) {\n    customers(first: 50) {\n      totalCount\n      nodes {\n        id\n        name\n        industry\n        businessArea\n        cops(first: 50) {\n          totalCount\n          nodes {\n            ...CopCard_cop\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Portfolio($from: Date!) {\n    customers(first: 50) {\n      totalCount\n      nodes {\n        id\n        name\n        industry\n        businessArea\n        cops(first: 50) {\n          totalCount\n          nodes {\n            ...CopCard_cop\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QuestionResults_question on SurveyQuestion {\n    id\n    position\n    prompt\n    type\n    choices\n    answers(first: 100) {\n      totalCount\n      nodes {\n        id\n        numberValue\n        textValue\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment QuestionResults_question on SurveyQuestion {\n    id\n    position\n    prompt\n    type\n    choices\n    answers(first: 100) {\n      totalCount\n      nodes {\n        id\n        numberValue\n        textValue\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Survey($id: ID!) {\n    survey(id: $id) {\n      ...SurveyFacts_survey\n      # Editors see every response, others only their own: compared with responseCount to say which.\n      visibleResponses: responses(first: 1) {\n        totalCount\n      }\n      cop {\n        id\n        name\n      }\n      questions {\n        id\n        position\n        prompt\n        type\n        choices\n        required\n        ...QuestionResults_question\n      }\n      summary {\n        generatedAt\n        expiresAt\n        isExpired\n        model\n        ...SurveySummaryView_summary\n      }\n    }\n  }\n"): (typeof documents)["\n  query Survey($id: ID!) {\n    survey(id: $id) {\n      ...SurveyFacts_survey\n      # Editors see every response, others only their own: compared with responseCount to say which.\n      visibleResponses: responses(first: 1) {\n        totalCount\n      }\n      cop {\n        id\n        name\n      }\n      questions {\n        id\n        position\n        prompt\n        type\n        choices\n        required\n        ...QuestionResults_question\n      }\n      summary {\n        generatedAt\n        expiresAt\n        isExpired\n        model\n        ...SurveySummaryView_summary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SummarizeSurvey($surveyId: ID!, $refresh: Boolean) {\n    summarizeSurvey(surveyId: $surveyId, refresh: $refresh) {\n      generatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SummarizeSurvey($surveyId: ID!, $refresh: Boolean) {\n    summarizeSurvey(surveyId: $surveyId, refresh: $refresh) {\n      generatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitSurveyResponse($input: SubmitSurveyResponseInput!) {\n    submitSurveyResponse(input: $input) {\n      id\n      survey {\n        id\n        nps\n        responseCount\n        responseRate\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitSurveyResponse($input: SubmitSurveyResponseInput!) {\n    submitSurveyResponse(input: $input) {\n      id\n      survey {\n        id\n        nps\n        responseCount\n        responseRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SurveySummaryView_summary on SurveySummary {\n    responseCount\n    nps\n    workingWell\n    opportunities\n    topActions\n    themes {\n      theme\n      sentiment\n      count\n    }\n  }\n"): (typeof documents)["\n  fragment SurveySummaryView_summary on SurveySummary {\n    responseCount\n    nps\n    workingWell\n    opportunities\n    topActions\n    themes {\n      theme\n      sentiment\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CopSurveys($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      surveys(first: 50) {\n        totalCount\n        nodes {\n          ...SurveyFacts_survey\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CopSurveys($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      surveys(first: 50) {\n        totalCount\n        nodes {\n          ...SurveyFacts_survey\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SurveyFacts_survey on Survey {\n    id\n    title\n    description\n    isOpen\n    createdAt\n    nps\n    responseCount\n    responseRate\n  }\n"): (typeof documents)["\n  fragment SurveyFacts_survey on Survey {\n    id\n    title\n    description\n    isOpen\n    createdAt\n    nps\n    responseCount\n    responseRate\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Shell {\n    me {\n      id\n      name\n      email\n      role\n      customer {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Shell {\n    me {\n      id\n      name\n      email\n      role\n      customer {\n        id\n        name\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;