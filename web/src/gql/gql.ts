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
    "\n  query AdminIntegrations {\n    customers(first: 50) {\n      nodes {\n        id\n        name\n        integrations(first: 20) {\n          nodes {\n            id\n            type\n            displayName\n            isActive\n            databricks {\n              host\n              authType\n              warehouseId\n              pipelineJobId\n            }\n            secrets {\n              name\n              isSet\n              updatedAt\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminIntegrationsDocument,
    "\n  mutation UpdateIntegrationSecret($id: ID!, $secrets: IntegrationSecretsInput!) {\n    updateIntegration(id: $id, input: { secrets: $secrets }) {\n      id\n      updatedAt\n      secrets {\n        name\n        isSet\n        updatedAt\n      }\n    }\n  }\n": typeof types.UpdateIntegrationSecretDocument,
    "\n  query CopContent($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n      contentAssets(first: 50) {\n        totalCount\n        nodes {\n          id\n          title\n          description\n          url\n          assetType\n          skillLevel\n          personaTag\n          tags\n          views\n          embeddable\n          databricksLink\n        }\n      }\n    }\n  }\n": typeof types.CopContentDocument,
    "\n  mutation RecordContentView($id: ID!) {\n    recordContentView(id: $id) {\n      id\n      views\n    }\n  }\n": typeof types.RecordContentViewDocument,
    "\n  fragment ChampionsPanel_cop on Cop {\n    champions(first: 6) {\n      totalCount\n      nodes {\n        id\n        reason\n        recognizedAt\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ChampionsPanel_CopFragmentDoc,
    "\n  query CopDashboard($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      description\n      phase\n      industry\n      isActive\n      startDate\n      daysActive\n      customer {\n        id\n        name\n      }\n      ...ChampionsPanel_cop\n      ...EventsPanel_cop\n      ...UseCasesPanel_cop\n      ...SurveysPanel_cop\n    }\n  }\n": typeof types.CopDashboardDocument,
    "\n  fragment EventsPanel_cop on Cop {\n    upcomingEvents: events(upcoming: true, first: 5) {\n      totalCount\n      nodes {\n        id\n        title\n        kind\n        startsAt\n        endsAt\n        location\n      }\n    }\n  }\n": typeof types.EventsPanel_CopFragmentDoc,
    "\n  query CopKpis($id: ID!, $metricNames: [String!]!, $from: Date!) {\n    cop(id: $id) {\n      id\n      kpiSeries(metricNames: $metricNames, from: $from) {\n        metricName\n        points {\n          date\n          value\n        }\n      }\n    }\n  }\n": typeof types.CopKpisDocument,
    "\n  query CopMembers($id: ID!, $first: Int!) {\n    cop(id: $id) {\n      id\n      members(first: $first) {\n        totalCount\n        pageInfo {\n          hasNextPage\n        }\n        nodes {\n          id\n          role\n          joinedAt\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.CopMembersDocument,
    "\n  query CopPlatformUsage($id: ID!) {\n    cop(id: $id) {\n      id\n      platformUsage {\n        from\n        to\n        stale\n        series {\n          metric\n          total\n          points {\n            date\n            value\n          }\n        }\n      }\n    }\n  }\n": typeof types.CopPlatformUsageDocument,
    "\n  fragment SurveysPanel_cop on Cop {\n    surveys(first: 5) {\n      totalCount\n      nodes {\n        id\n        title\n        isOpen\n        createdAt\n        nps\n        responseCount\n        responseRate\n      }\n    }\n  }\n": typeof types.SurveysPanel_CopFragmentDoc,
    "\n  fragment UseCasesPanel_cop on Cop {\n    useCases(first: 8) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        platform\n        leader\n        valueEstimate\n      }\n    }\n  }\n": typeof types.UseCasesPanel_CopFragmentDoc,
    "\n  fragment CopCard_cop on Cop {\n    id\n    name\n    phase\n    isActive\n    daysActive\n    members {\n      totalCount\n    }\n    trends: kpiSeries(metricNames: [\"MAP\", \"NPS\"], from: $from) {\n      metricName\n      points {\n        date\n        value\n      }\n    }\n  }\n": typeof types.CopCard_CopFragmentDoc,
    "\n  query Portfolio($from: Date!) {\n    customers(first: 50) {\n      totalCount\n      nodes {\n        id\n        name\n        industry\n        businessArea\n        cops(first: 50) {\n          totalCount\n          nodes {\n            ...CopCard_cop\n          }\n        }\n      }\n    }\n  }\n": typeof types.PortfolioDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query Shell {\n    me {\n      id\n      name\n      email\n      role\n      customer {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ShellDocument,
};
const documents: Documents = {
    "\n  query AdminIntegrations {\n    customers(first: 50) {\n      nodes {\n        id\n        name\n        integrations(first: 20) {\n          nodes {\n            id\n            type\n            displayName\n            isActive\n            databricks {\n              host\n              authType\n              warehouseId\n              pipelineJobId\n            }\n            secrets {\n              name\n              isSet\n              updatedAt\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AdminIntegrationsDocument,
    "\n  mutation UpdateIntegrationSecret($id: ID!, $secrets: IntegrationSecretsInput!) {\n    updateIntegration(id: $id, input: { secrets: $secrets }) {\n      id\n      updatedAt\n      secrets {\n        name\n        isSet\n        updatedAt\n      }\n    }\n  }\n": types.UpdateIntegrationSecretDocument,
    "\n  query CopContent($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      customer {\n        id\n        name\n      }\n      contentAssets(first: 50) {\n        totalCount\n        nodes {\n          id\n          title\n          description\n          url\n          assetType\n          skillLevel\n          personaTag\n          tags\n          views\n          embeddable\n          databricksLink\n        }\n      }\n    }\n  }\n": types.CopContentDocument,
    "\n  mutation RecordContentView($id: ID!) {\n    recordContentView(id: $id) {\n      id\n      views\n    }\n  }\n": types.RecordContentViewDocument,
    "\n  fragment ChampionsPanel_cop on Cop {\n    champions(first: 6) {\n      totalCount\n      nodes {\n        id\n        reason\n        recognizedAt\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ChampionsPanel_CopFragmentDoc,
    "\n  query CopDashboard($id: ID!) {\n    cop(id: $id) {\n      id\n      name\n      description\n      phase\n      industry\n      isActive\n      startDate\n      daysActive\n      customer {\n        id\n        name\n      }\n      ...ChampionsPanel_cop\n      ...EventsPanel_cop\n      ...UseCasesPanel_cop\n      ...SurveysPanel_cop\n    }\n  }\n": types.CopDashboardDocument,
    "\n  fragment EventsPanel_cop on Cop {\n    upcomingEvents: events(upcoming: true, first: 5) {\n      totalCount\n      nodes {\n        id\n        title\n        kind\n        startsAt\n        endsAt\n        location\n      }\n    }\n  }\n": types.EventsPanel_CopFragmentDoc,
    "\n  query CopKpis($id: ID!, $metricNames: [String!]!, $from: Date!) {\n    cop(id: $id) {\n      id\n      kpiSeries(metricNames: $metricNames, from: $from) {\n        metricName\n        points {\n          date\n          value\n        }\n      }\n    }\n  }\n": types.CopKpisDocument,
    "\n  query CopMembers($id: ID!, $first: Int!) {\n    cop(id: $id) {\n      id\n      members(first: $first) {\n        totalCount\n        pageInfo {\n          hasNextPage\n        }\n        nodes {\n          id\n          role\n          joinedAt\n          user {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.CopMembersDocument,
    "\n  query CopPlatformUsage($id: ID!) {\n    cop(id: $id) {\n      id\n      platformUsage {\n        from\n        to\n        stale\n        series {\n          metric\n          total\n          points {\n            date\n            value\n          }\n        }\n      }\n    }\n  }\n": types.CopPlatformUsageDocument,
    "\n  fragment SurveysPanel_cop on Cop {\n    surveys(first: 5) {\n      totalCount\n      nodes {\n        id\n        title\n        isOpen\n        createdAt\n        nps\n        responseCount\n        responseRate\n      }\n    }\n  }\n": types.SurveysPanel_CopFragmentDoc,
    "\n  fragment UseCasesPanel_cop on Cop {\n    useCases(first: 8) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        platform\n        leader\n        valueEstimate\n      }\n    }\n  }\n": types.UseCasesPanel_CopFragmentDoc,
    "\n  fragment CopCard_cop on Cop {\n    id\n    name\n    phase\n    isActive\n    daysActive\n    members {\n      totalCount\n    }\n    trends: kpiSeries(metricNames: [\"MAP\", \"NPS\"], from: $from) {\n      metricName\n      points {\n        date\n        value\n      }\n    }\n  }\n": types.CopCard_CopFragmentDoc,
    "\n  query Portfolio($from: Date!) {\n    customers(first: 50) {\n      totalCount\n      nodes {\n        id\n        name\n        industry\n        businessArea\n        cops(first: 50) {\n          totalCount\n          nodes {\n            ...CopCard_cop\n          }\n        }\n      }\n    }\n  }\n": types.PortfolioDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n    }\n  }\n": types.SignInDocument,
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
export function graphql(source: "\n  query AdminIntegrations {\n    customers(first: 50) {\n      nodes {\n        id\n        name\n        integrations(first: 20) {\n          nodes {\n            id\n            type\n            displayName\n            isActive\n            databricks {\n              host\n              authType\n              warehouseId\n              pipelineJobId\n            }\n            secrets {\n              name\n              isSet\n              updatedAt\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminIntegrations {\n    customers(first: 50) {\n      nodes {\n        id\n        name\n        integrations(first: 20) {\n          nodes {\n            id\n            type\n            displayName\n            isActive\n            databricks {\n              host\n              authType\n              warehouseId\n              pipelineJobId\n            }\n            secrets {\n              name\n              isSet\n              updatedAt\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateIntegrationSecret($id: ID!, $secrets: IntegrationSecretsInput!) {\n    updateIntegration(id: $id, input: { secrets: $secrets }) {\n      id\n      updatedAt\n      secrets {\n        name\n        isSet\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateIntegrationSecret($id: ID!, $secrets: IntegrationSecretsInput!) {\n    updateIntegration(id: $id, input: { secrets: $secrets }) {\n      id\n      updatedAt\n      secrets {\n        name\n        isSet\n        updatedAt\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query CopPlatformUsage($id: ID!) {\n    cop(id: $id) {\n      id\n      platformUsage {\n        from\n        to\n        stale\n        series {\n          metric\n          total\n          points {\n            date\n            value\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CopPlatformUsage($id: ID!) {\n    cop(id: $id) {\n      id\n      platformUsage {\n        from\n        to\n        stale\n        series {\n          metric\n          total\n          points {\n            date\n            value\n          }\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query Shell {\n    me {\n      id\n      name\n      email\n      role\n      customer {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Shell {\n    me {\n      id\n      name\n      email\n      role\n      customer {\n        id\n        name\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;