import { graphql } from '../../gql';

/** What the survey list and a survey's page both show about a survey. */
export const SurveyFactsFragment = graphql(`
  fragment SurveyFacts_survey on Survey {
    id
    title
    description
    isOpen
    createdAt
    nps
    responseCount
    responseRate
  }
`);
