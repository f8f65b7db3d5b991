import type { CombinedError } from '@urql/solid';
import { describeError } from '../../graphql/describe-error';

/** The api's BAD_USER_INPUT on the form fields it names (`input.workspaceUrl` → workspaceUrl). */
export function apiFieldProblems<F extends object>(error: CombinedError, fields: F): Partial<Record<keyof F, string>> {
  const description = describeError(error);
  const problems: Partial<Record<keyof F, string>> = {};
  for (const field of description.fields) {
    const name = field.split('.').at(-1) as keyof F;
    if (name in fields) problems[name] = description.message;
  }
  return problems;
}
