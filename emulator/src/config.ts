import { resolve } from 'node:path';

/** The emulator's settings; `loadConfig` reads them from the environment (documented in README.md). */
export interface EmulatorConfig {
  /** HTTPS port; 0 picks a free one. */
  port: number;
  /** Seed of every generated value (data, durations, outputs, ids). */
  seed: number;
  /** How much faster than wall time runs progress. */
  speed: number;
  /** A scenario JSON file replacing the built-in one. */
  scenarioFile?: string;
  /** Where the self-signed certificate's PEM is written. */
  caFile: string;
  /** Personal access tokens the emulator accepts. */
  tokens: string[];
  /** The OAuth M2M service principal. */
  clientId: string;
  clientSecret: string;
  oauthTtlSeconds: number;
  /** Workspaces the system tables cover besides the scenario's own (the demo seed maps these). */
  workspaceIds: string[];
  /** Where catalogs and tables are kept (one folder per workspace); in memory when unset. */
  dataDir?: string;
  /**
   * More workspaces served side by side, each on its own port (0: a free one) with its own catalogs, tables,
   * jobs and runs, sharing the certificate and tokens of the first.
   */
  extraWorkspaces: { workspaceId: string; port: number }[];
}

/** The workspace ids the api's demo seed maps to CoPs. */
export const SEEDED_WORKSPACE_IDS = ['1001001001001001', '1001001001001002', '2002002002002001'];

export const DEFAULT_TOKEN = 'dapi-emulator-token';
/** The user every PAT authenticates as (the workspace store makes this user's home folder). */
export const DEFAULT_USER = 'admin@cop-os.example.com';

function numberSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

const splitList = (raw: string) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): EmulatorConfig {
  const extraTokens = splitList(env.EMULATOR_TOKENS ?? '');
  const invalid = extraTokens.find((token) => !token.startsWith('dapi'));
  if (invalid) throw new Error(`EMULATOR_TOKENS entries must start with "dapi", got "${invalid}"`);
  return {
    port: numberSetting(env, 'EMULATOR_PORT', 8443),
    seed: numberSetting(env, 'EMULATOR_SEED', 360),
    speed: numberSetting(env, 'EMULATOR_SPEED', 1),
    scenarioFile: env.EMULATOR_SCENARIO || undefined,
    // npm runs workspace scripts inside the workspace; INIT_CWD is where the user typed the command.
    caFile: resolve(env.INIT_CWD ?? process.cwd(), env.EMULATOR_CA_FILE || '.data/emulator/ca.pem'),
    tokens: [DEFAULT_TOKEN, ...extraTokens],
    clientId: env.EMULATOR_CLIENT_ID || 'emulator-sp',
    clientSecret: env.EMULATOR_CLIENT_SECRET || 'emulator-sp-secret',
    oauthTtlSeconds: numberSetting(env, 'EMULATOR_OAUTH_TTL_SECONDS', 3600),
    workspaceIds: env.EMULATOR_WORKSPACE_IDS ? splitList(env.EMULATOR_WORKSPACE_IDS) : SEEDED_WORKSPACE_IDS,
    dataDir: env.EMULATOR_DATA_DIR ? resolve(env.INIT_CWD ?? process.cwd(), env.EMULATOR_DATA_DIR) : undefined,
    extraWorkspaces: splitList(env.EMULATOR_EXTRA_WORKSPACES ?? '').map(parseExtraWorkspace),
  };
}

/** `<workspace id>` or `<workspace id>:<port>`. */
function parseExtraWorkspace(entry: string): { workspaceId: string; port: number } {
  const [workspaceId, port = '0'] = entry.split(':');
  if (!/^\d+$/.test(workspaceId) || !/^\d+$/.test(port)) {
    throw new Error(`EMULATOR_EXTRA_WORKSPACES entries are <workspace id>[:<port>], got "${entry}"`);
  }
  return { workspaceId, port: Number(port) };
}
