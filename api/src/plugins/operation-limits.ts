import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { type ASTVisitor, GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** What one operation may ask for, whoever asks (anonymous callers included). */
export interface OperationLimits {
  /** Deepest selection, introspection included. */
  maxDepth: number;
}

/**
 * Bounds the work and the answer size of a single operation before it runs:
 * - tokens: the parser stops after 2,000 tokens, so a 5,000-level nesting never reaches a recursive step;
 * - aliases, directives, depth and a static cost (graphql-armor), introspection counted like any field;
 * - introspection: one `__schema` and a few `__type` per operation, since those fields answer with the whole
 *   schema and are the cheapest way to amplify a small anonymous request into megabytes.
 * Rejections are validation errors (`GRAPHQL_VALIDATION_FAILED`, HTTP 400), never executed.
 */
export function useOperationLimits(limits: OperationLimits): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        EnvelopArmorPlugin({
          maxTokens: { n: 2_000 },
          maxAliases: { n: 15 },
          maxDirectives: { n: 20 },
          maxDepth: { n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true },
          costLimit: { maxCost: 5_000, ignoreIntrospection: false },
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
          new GraphQLError(`An operation may ask for \`${name}\` at most ${budget} time(s).`, { nodes: [node] }),
        );
      }
    },
  };
}
