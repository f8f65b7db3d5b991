import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { forbidden } from '../errors.js';
import { rootFieldCalls } from '../graphql/root-fields.js';

/** Root fields any caller may use: they reveal nothing beyond the caller itself. */
const ALWAYS_ALLOWED = new Set(['viewer']);

/**
 * A service token may call only the root fields its scopes name (`extensions.serviceScope`, see auth/scopes.ts),
 * whatever its role allows. Checked on the whole operation before anything runs.
 */
export function useServiceScopes(): Plugin<Context> {
  const check = ({ args, setResultAndStopExecution }: Parameters<NonNullable<Plugin<Context>['onExecute']>>[0]) => {
    const viewer = (args.contextValue as Context).viewer;
    if (viewer?.kind !== 'service') return;
    const calls = rootFieldCalls(args.schema, args.document, args.operationName, args.variableValues)?.calls ?? [];
    const refused = calls.find((call) => {
      const scope = call.field.extensions?.serviceScope;
      return !ALWAYS_ALLOWED.has(call.field.name) && !(typeof scope === 'string' && viewer.scopes.includes(scope));
    });
    if (refused) {
      setResultAndStopExecution({
        errors: [forbidden(`This service token's scopes do not allow \`${refused.field.name}\`.`)],
      });
    }
  };
  return { onExecute: check, onSubscribe: check as never };
}
