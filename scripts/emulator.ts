import { Agent, fetch } from 'undici';

/** What `npm start` needs from the emulator (a subset of `RunningEmulator` in emulator/src/app.ts). */
export interface EmbeddedEmulator {
  url: string;
  /** Every emulated workspace (the first is `url`'s). */
  workspaces: { workspaceId: string; url: string }[];
  token: string;
  caFile: string;
  caPem: string;
  close(): Promise<void>;
}

const PIPELINE_JOB = 'PetInsure360 Pipeline';

/**
 * The demo's second customer (Contoso) has a workspace of its own, as real customers do: the emulator serves
 * it beside the first, on the next port, so that two customers never share catalogs, tables, jobs or runs.
 */
export const SECOND_WORKSPACE_ID = '2002002002002001';

/**
 * Starts the Databricks emulator in this process, its tables kept under `dataDir`; null (with a warning) when
 * it is missing or fails.
 */
export async function startEmbeddedEmulator(options: {
  caFile: string;
  dataDir: string;
  port: number;
}): Promise<EmbeddedEmulator | null> {
  try {
    const { startEmulator } = await import('../emulator/src/app.js');
    return await startEmulator({
      quiet: true,
      caFile: options.caFile,
      dataDir: options.dataDir,
      port: options.port,
      extraWorkspaces: [{ workspaceId: SECOND_WORKSPACE_ID, port: options.port + 1 }],
    });
  } catch (error) {
    console.warn(`! The Databricks emulator could not start; continuing without it.\n  ${(error as Error).message}`);
    return null;
  }
}

/** The id the emulator gave the seeded pipeline job (its ids are generated), for the seeded integration. */
export async function findPipelineJobId(emulator: EmbeddedEmulator): Promise<string | undefined> {
  const dispatcher = new Agent({ connect: { ca: emulator.caPem } });
  try {
    const response = await fetch(`${emulator.url}/api/2.2/jobs/list?name=${encodeURIComponent(PIPELINE_JOB)}`, {
      headers: { authorization: `Bearer ${emulator.token}` },
      dispatcher,
    });
    const body = (await response.json()) as { jobs?: { job_id: number }[] };
    const id = body.jobs?.[0]?.job_id;
    return id === undefined ? undefined : String(id);
  } catch (error) {
    console.warn(`! Could not look up the "${PIPELINE_JOB}" job in the emulator: ${(error as Error).message}`);
    return undefined;
  } finally {
    await dispatcher.close();
  }
}
