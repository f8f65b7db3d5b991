import { graphql } from '../../gql';

// The schema offers no field for one catalog, schema or table, so each level is read for the whole workspace,
// and only once a user opens that level; the gateway caches Databricks metadata, Graphcache keeps the answer.
// The columns level nests four lists: it selects only what fits the api's complexity limit (50,000, where
// each list counts ten times and Graphcache adds __typename to every object).

export const WorkspaceCatalogsQuery = graphql(`
  query WorkspaceCatalogs($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on DatabricksWorkspace {
        catalogs {
          stale
          fetchedAt
          nodes {
            name
            comment
            owner
          }
        }
      }
    }
  }
`);

export const WorkspaceSchemasQuery = graphql(`
  query WorkspaceSchemas($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on DatabricksWorkspace {
        catalogs {
          nodes {
            name
            schemas {
              stale
              fetchedAt
              nodes {
                name
                fullName
                comment
              }
            }
          }
        }
      }
    }
  }
`);

export const WorkspaceTablesQuery = graphql(`
  query WorkspaceTables($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on DatabricksWorkspace {
        catalogs {
          nodes {
            name
            schemas {
              nodes {
                fullName
                tables {
                  stale
                  fetchedAt
                  nodes {
                    name
                    fullName
                    tableType
                    format
                    owner
                    comment
                    createdAt
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const WorkspaceColumnsQuery = graphql(`
  query WorkspaceColumns($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on DatabricksWorkspace {
        catalogs {
          nodes {
            name
            schemas {
              nodes {
                fullName
                tables {
                  nodes {
                    fullName
                    columns {
                      name
                      type
                      nullable
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);
