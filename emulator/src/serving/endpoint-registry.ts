/**
 * Serving endpoints: the two built-in rule-based models the api relies on, plus any endpoint a user
 * creates (those answer with a deterministic echo). Endpoints are ready as soon as they are created.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_USER } from '../config.js';
import { DatabricksApiError, invalidParameter, notFound } from '../http/types.js';
import type { ChatRequest } from './chat-completion.js';
import { adviseCop } from './cop-advisor.js';
import { promptText } from './prompt.js';
import { summarizeSurvey } from './survey-summarizer.js';

type Answerer = (request: ChatRequest) => string;

interface ServedEntity extends Record<string, unknown> {
  name: string;
}

export interface ServingEndpointRecord {
  name: string;
  id: string;
  creator: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  servedEntities: ServedEntity[];
  trafficConfig: { routes: { served_model_name: string; served_entity_name: string; traffic_percentage: number }[] };
  configVersion: number;
  task: string;
  tags: unknown[];
  description?: string;
  answer: Answerer;
}

const NAME = /^[A-Za-z0-9_-]{1,63}$/;
const CHAT_TASK = 'llm/v1/chat';

const ruleBased =
  (rules: (prompt: string) => unknown): Answerer =>
  (request) =>
    JSON.stringify(rules(promptText(request.messages)));

const echo =
  (endpointName: string): Answerer =>
  (request) => {
    const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
    return `[${endpointName}] You said: ${lastUser?.content ?? ''}`;
  };

/** Fills in what Databricks adds to each served entity: a name, its deployment state, who created it. */
function servedEntitiesOf(config: unknown, creator: string, now: number): ServedEntity[] {
  const specs =
    (config as { served_entities?: unknown; served_models?: unknown } | undefined)?.served_entities ??
    (config as { served_models?: unknown } | undefined)?.served_models;
  if (!Array.isArray(specs) || specs.length === 0) {
    throw invalidParameter('The endpoint config must contain at least one served entity.');
  }
  return specs.map((spec: Record<string, unknown>) => {
    const external = spec.external_model as { name?: string; provider?: string; task?: string } | undefined;
    if (external && (!external.name || !external.provider || !external.task)) {
      throw invalidParameter('An external model needs "name", "provider" and "task".');
    }
    const entityName = (spec.entity_name ?? spec.model_name) as string | undefined;
    if (!external && !entityName && !spec.foundation_model) {
      throw invalidParameter('A served entity needs "entity_name", "external_model" or "foundation_model".');
    }
    const defaultName = external?.name ?? `${entityName?.split('.').pop()}-${spec.entity_version ?? '1'}`;
    return {
      ...spec,
      name: String(spec.name ?? defaultName),
      creator,
      creation_timestamp: now,
      state: { deployment: 'DEPLOYMENT_READY', deployment_state_message: '' },
    };
  });
}

function trafficOf(config: unknown, entities: ServedEntity[]): ServingEndpointRecord['trafficConfig'] {
  const given = (config as { traffic_config?: ServingEndpointRecord['trafficConfig'] })?.traffic_config;
  if (given?.routes?.length) return given;
  const share = Math.floor(100 / entities.length);
  return {
    routes: entities.map((entity, i) => ({
      served_model_name: entity.name,
      served_entity_name: entity.name,
      traffic_percentage: i === 0 ? 100 - share * (entities.length - 1) : share,
    })),
  };
}

export class ServingEndpointRegistry {
  private readonly endpoints = new Map<string, ServingEndpointRecord>();

  constructor(private readonly now: () => number = Date.now) {
    this.addBuiltIn('cop_advisor', 'main.cop_os.cop_advisor', adviseCop, 'CoP OS advisor: next sessions and roadmap.');
    this.addBuiltIn('survey_summarizer', 'main.cop_os.survey_summarizer', summarizeSurvey, 'Survey free-text themes.');
  }

  list(): ServingEndpointRecord[] {
    return [...this.endpoints.values()];
  }

  get(name: string): ServingEndpointRecord {
    const endpoint = this.endpoints.get(name);
    if (!endpoint) throw notFound(`Endpoint with name '${name}' does not exist.`);
    return endpoint;
  }

  create(body: Record<string, unknown>, creator: string): ServingEndpointRecord {
    const name = body.name;
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw invalidParameter('Endpoint name must be 1-63 letters, digits, dashes or underscores.');
    }
    if (this.endpoints.has(name)) {
      throw new DatabricksApiError(409, 'RESOURCE_ALREADY_EXISTS', `Endpoint with name '${name}' already exists.`);
    }
    const now = this.now();
    const servedEntities = servedEntitiesOf(body.config, creator, now);
    const external = servedEntities.find((entity) => entity.external_model)?.external_model as { task?: string };
    const endpoint: ServingEndpointRecord = {
      name,
      id: createHash('sha256').update(name).digest('hex').slice(0, 32),
      creator,
      creationTimestamp: now,
      lastUpdatedTimestamp: now,
      servedEntities,
      trafficConfig: trafficOf(body.config, servedEntities),
      configVersion: 1,
      task: external?.task ?? CHAT_TASK,
      tags: Array.isArray(body.tags) ? body.tags : [],
      ...(typeof body.description === 'string' && { description: body.description }),
      answer: echo(name),
    };
    this.endpoints.set(name, endpoint);
    return endpoint;
  }

  updateConfig(name: string, config: Record<string, unknown>, creator: string): ServingEndpointRecord {
    const endpoint = this.get(name);
    const now = this.now();
    endpoint.servedEntities = servedEntitiesOf(config, creator, now);
    endpoint.trafficConfig = trafficOf(config, endpoint.servedEntities);
    endpoint.configVersion++;
    endpoint.lastUpdatedTimestamp = now;
    return endpoint;
  }

  delete(name: string): void {
    this.get(name);
    this.endpoints.delete(name);
  }

  private addBuiltIn(name: string, entityName: string, rules: (prompt: string) => unknown, description: string) {
    const endpoint = this.create(
      {
        name,
        description,
        config: {
          served_entities: [
            { entity_name: entityName, entity_version: '1', workload_size: 'Small', scale_to_zero_enabled: true },
          ],
        },
      },
      DEFAULT_USER,
    );
    endpoint.answer = ruleBased(rules);
  }
}
