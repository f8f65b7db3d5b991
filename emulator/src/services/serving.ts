/**
 * Model Serving: endpoint management (API 2.0) and chat-completions invocations
 * (`POST /serving-endpoints/{name}/invocations` with `messages`, `max_tokens`, `temperature`).
 *
 * Built-in endpoints answer by rules, deterministically, with JSON in the assistant message:
 * - `cop_advisor`: send the CoP's signals as a JSON object or `key: value` lines (phase, industry,
 *   member_count, days_active, map, nps, dbu_trend, survey_response_rate, recent_events,
 *   content_engagement, use_cases, champions); it answers next_sessions, content_to_prioritize,
 *   champions_to_recognize, roadmap and summary. Full convention and rules: `serving/cop-advisor.ts`.
 * - `survey_summarizer`: send the free-text answers as `{"answers": [...]}` or `- ` bullet lines; it answers
 *   working_well, opportunities, top_actions and themes. Full convention: `serving/survey-summarizer.ts`.
 * Endpoints created through the API answer with a deterministic echo of the last user message.
 */
import type { Route } from '../http/types.js';
import { chatCompletion, parseChatRequest } from '../serving/chat-completion.js';
import { type ServingEndpointRecord, ServingEndpointRegistry } from '../serving/endpoint-registry.js';

const READY_STATE = { ready: 'READY', config_update: 'NOT_UPDATING' };

/** `ServingEndpoint`, the list item. */
function endpointSummary(endpoint: ServingEndpointRecord) {
  return {
    name: endpoint.name,
    id: endpoint.id,
    creator: endpoint.creator,
    creation_timestamp: endpoint.creationTimestamp,
    last_updated_timestamp: endpoint.lastUpdatedTimestamp,
    state: READY_STATE,
    config: {
      served_entities: endpoint.servedEntities.map(
        ({ name, entity_name, entity_version, external_model, foundation_model }) => ({
          name,
          entity_name,
          entity_version,
          external_model,
          foundation_model,
        }),
      ),
    },
    task: endpoint.task,
    tags: endpoint.tags,
    ...(endpoint.description && { description: endpoint.description }),
  };
}

/** `ServingEndpointDetailed`, returned by get, create and update-config. */
function endpointDetails(endpoint: ServingEndpointRecord) {
  return {
    ...endpointSummary(endpoint),
    config: {
      served_entities: endpoint.servedEntities,
      traffic_config: endpoint.trafficConfig,
      config_version: endpoint.configVersion,
    },
    permission_level: 'CAN_MANAGE',
    route_optimized: false,
  };
}

export function createServingService(): Route[] {
  const registry = new ServingEndpointRegistry();
  return [
    {
      method: 'GET',
      path: '/api/2.0/serving-endpoints',
      handler: () => ({ endpoints: registry.list().map(endpointSummary) }),
    },
    {
      method: 'POST',
      path: '/api/2.0/serving-endpoints',
      handler: (req) => endpointDetails(registry.create(req.body, req.principal.userName)),
    },
    {
      method: 'GET',
      path: '/api/2.0/serving-endpoints/:name',
      handler: (req) => endpointDetails(registry.get(req.params.name)),
    },
    {
      method: 'DELETE',
      path: '/api/2.0/serving-endpoints/:name',
      handler: (req) => {
        registry.delete(req.params.name);
        return {};
      },
    },
    {
      method: 'PUT',
      path: '/api/2.0/serving-endpoints/:name/config',
      handler: (req) => endpointDetails(registry.updateConfig(req.params.name, req.body, req.principal.userName)),
    },
    {
      method: 'POST',
      path: '/serving-endpoints/:name/invocations',
      handler: (req) => {
        const endpoint = registry.get(req.params.name);
        const request = parseChatRequest(req.body);
        return chatCompletion(endpoint.servedEntities[0].name, request, endpoint.answer(request));
      },
    },
  ];
}
