import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { type ASTVisitor, GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Bounds the work and the answer size of a single operation before it runs:
 * - tokens: the parser stops after 2,000 tokens, so a 5,000-level nesting never reaches a recursive step;
 * - aliases, directives and depth, introspection included (graphql-armor); the cost is the complexity plugin's;
 * - introspection: one `__schema` and a few `__type` per operation, since those fields answer with the whole
 *   schema and are the cheapest way to amplify a small anonymous request into megabytes.
 * Rejections are validation errors (`GRAPHQL_VALIDATION_FAILED`, HTTP 400), never executed.
 */
export function useOperationLimits(): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        EnvelopArmorPlugin({
          maxTokens: { n: 2_000 }, // a parse error: yoga codes it GRAPHQL_PARSE_FAILED
          maxAliases: { n: 15, onReject },
          maxDirectives: { n: 20, onReject },
          // Deep enough for GraphiQL's introspection query (15 with its fragments spread); the schema's own
          // fields are held to 12 by the complexity plugin. Introspection must count: `types { fields { type {
          // fields … } } }` multiplies the answer at every level.
          maxDepth: { n: 16, ignoreIntrospection: false, flattenFragments: true, onReject },
          // The cost budget is the complexity plugin's (schema builder): it knows list sizes. Armor's static cost
          // does not, and prices the web app's fragment-heavy pages and GraphiQL's introspection in the millions.
          costLimit: { enabled: false },
          // Suggestions ("Did you mean …?") would reveal field names when introspection is not wanted; they are
          // harmless here (introspection is on) and help GraphiQL users, so they stay.
          blockFieldSuggestion: { enabled: false },
        }),
      );
    },
    onValidate({ addValidationRule }) {
      addValidationRule(introspectionBudget);
    },
  };
}

/** graphql-armor raises its rejections without a code: they are validation failures like any other. */
const onReject = [
  (_context: unknown, error: GraphQLError) => {
    (error.extensions as Record<string, unknown>).code = 'GRAPHQL_VALIDATION_FAILED';
  },
];

const INTROSPECTION_BUDGET: Record<string, number> = { __schema: 1, __type: 5 };

/** Counted over the whole document (fragments included), so spreading a fragment cannot multiply it. */
function introspectionBudget(context: ValidationContext): ASTVisitor {
  const used: Record<string, number> = {};
  return {
    Field(node) {
      const name = node.name.value;
      const budget = INTROSPECTION_BUDGET[name];
      if (budget === undefined) return;
      used[name] = (used[name] ?? 0) + 1;
      if (used[name] === budget + 1) {
        context.reportError(
          new GraphQLError(`An operation may ask for \`${name}\` at most ${budget} time(s).`, {
            nodes: [node],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        );
      }
    },
  };
}
