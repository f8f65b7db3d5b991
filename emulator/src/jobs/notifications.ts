import { randomUUID } from 'node:crypto';
import type { RunRecord } from './records.js';
import type { WebhookNotifications } from './types.js';

/** A notification destination of type WEBHOOK, as `/api/2.0/notification-destinations` stores it. */
export interface WebhookDestination {
  id: string;
  display_name: string;
  url: string;
  username?: string;
  password?: string;
}

export type JobEventType = 'jobs.on_start' | 'jobs.on_success' | 'jobs.on_failure';

export class DestinationStore {
  private readonly destinations = new Map<string, WebhookDestination>();

  create(fields: Omit<WebhookDestination, 'id'>): WebhookDestination {
    const destination = { id: randomUUID(), ...fields };
    this.destinations.set(destination.id, destination);
    return destination;
  }

  get(id: string): WebhookDestination | undefined {
    return this.destinations.get(id);
  }

  delete(id: string): boolean {
    return this.destinations.delete(id);
  }

  all(): WebhookDestination[] {
    return [...this.destinations.values()];
  }
}

/**
 * Sends job webhook notifications the way Databricks does: a POST carrying only ids and the event type
 * (`{event_type, workspace_id, run: {run_id}, job: {job_id, name}}`), so receivers must call `runs/get`.
 * Delivery is best effort: failures are logged, never retried.
 */
export class WebhookNotifier {
  constructor(
    private readonly destinations: DestinationStore,
    private readonly workspaceId: string,
    private readonly log: (message: string, error: unknown) => void = console.error,
  ) {}

  notify(run: RunRecord, eventType: JobEventType): void {
    const key = eventType.slice('jobs.'.length) as keyof WebhookNotifications;
    for (const { id } of run.webhookNotifications?.[key] ?? []) {
      const destination = this.destinations.get(id);
      if (destination) void this.send(destination, run, eventType);
    }
  }

  private async send(destination: WebhookDestination, run: RunRecord, eventType: JobEventType): Promise<void> {
    const body = {
      event_type: eventType,
      workspace_id: this.workspaceId,
      run: { run_id: run.runId },
      job: { job_id: run.jobId ?? run.runId, name: run.runName },
    };
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (destination.username !== undefined) {
      const credentials = `${destination.username}:${destination.password ?? ''}`;
      headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    try {
      const response = await fetch(destination.url, { method: 'POST', headers, body: JSON.stringify(body) });
      await response.arrayBuffer();
    } catch (error) {
      this.log(`emulator: webhook ${eventType} to ${destination.url} failed`, error);
    }
  }
}
