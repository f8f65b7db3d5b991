import { type DocumentNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { badInput } from '../errors.js';

/**
 * The longest string any argument may carry, in characters, unless its field documents a shorter maximum
 * (names, titles, descriptions…). Documented in the README's API section.
 */
export const MAX_STRING_CHARACTERS = 10_000;
/** Deepest nesting of lists and objects in the variables (JSON inputs have their own, tighter limit). */
const MAX_VARIABLE_DEPTH = 32;

/**
 * Checks every string of an operation — document literals and variables alike, JSON values included — before any
 * resolver (and so before Prisma) sees it: no NUL characters (PostgreSQL text cannot hold them), no string longer
 * than MAX_STRING_CHARACTERS, no numeric literal too large for a double, no absurd nesting. A violation answers
 * BAD_USER_INPUT and executes nothing.
 */
export function useInputLimits(): Plugin {
  const check = ({ args, setResultAndStopExecution }: CheckPayload) => {
    const problem = documentProblem(args.document) ?? variablesProblem(args.variableValues);
    if (problem) setResultAndStopExecution({ errors: [badInput(problem)] });
  };
  return { onExecute: check, onSubscribe: check };
}

interface CheckPayload {
  args: { document: DocumentNode; variableValues?: Record<string, unknown> | null };
  setResultAndStopExecution(result: { errors: ReturnType<typeof badInput>[] }): void;
}

function stringProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'Text may not contain NUL (\\u0000) characters.';
  if (value.length > MAX_STRING_CHARACTERS) return `Text may be at most ${MAX_STRING_CHARACTERS} characters long.`;
  return null;
}

function documentProblem(document: DocumentNode): string | null {
  let problem: string | null = null;
  visit(document, {
    StringValue(node) {
      problem ??= stringProblem(node.value);
    },
    FloatValue(node) {
      if (!Number.isFinite(Number(node.value))) problem ??= `${node.value} is too large for a Float.`;
    },
  });
  return problem;
}

/** Walks the variables with an explicit stack: a deeply nested value must not overflow the call stack. */
function variablesProblem(variables: Record<string, unknown> | null | undefined): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: variables ?? {}, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, depth } = next;
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) return problem;
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
      return 'Numbers must be finite.';
    } else if (value && typeof value === 'object') {
      if (depth >= MAX_VARIABLE_DEPTH) return `Variables may nest at most ${MAX_VARIABLE_DEPTH} levels deep.`;
      for (const [key, inner] of Object.entries(value)) {
        const keyProblem = stringProblem(key);
        if (keyProblem) return keyProblem;
        stack.push({ value: inner, depth: depth + 1 });
      }
    }
  }
  return null;
}
