import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServingService } from '../src/services/serving.js';
import { startTestEmulator, type TestEmulator } from './harness.js';

const externalChat = {
  name: 'gpt_chat',
  config: {
    served_entities: [
      {
        name: 'gpt-4o',
        external_model: { name: 'gpt-4o', provider: 'openai', task: 'llm/v1/chat', openai_config: {} },
      },
    ],
  },
};

describe('serving endpoints API', () => {
  let emulator: TestEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator({ routes: createServingService() });
  });
  afterAll(() => emulator.close());

  it('lists the built-in cop_advisor and survey_summarizer endpoints, ready, as chat models', async () => {
    const { status, body } = await emulator.call('GET', '/api/2.0/serving-endpoints');
    expect(status).toBe(200);
    const byName = Object.fromEntries(body.endpoints.map((e: { name: string }) => [e.name, e]));
    for (const name of ['cop_advisor', 'survey_summarizer']) {
      expect(byName[name]).toMatchObject({
        name,
        task: 'llm/v1/chat',
        state: { ready: 'READY', config_update: 'NOT_UPDATING' },
        creator: 'admin@cop-os.example.com',
      });
      expect(byName[name].id).toMatch(/^[0-9a-f]{32}$/);
      expect(byName[name].creation_timestamp).toBeTypeOf('number');
      expect(byName[name].config.served_entities[0].entity_name).toBe(`main.cop_os.${name}`);
    }
  });

  it('creates an endpoint with an external model and returns the detailed shape', async () => {
    const { status, body } = await emulator.call('POST', '/api/2.0/serving-endpoints', externalChat);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      name: 'gpt_chat',
      creator: 'admin@cop-os.example.com',
      task: 'llm/v1/chat',
      state: { ready: 'READY', config_update: 'NOT_UPDATING' },
      config: {
        config_version: 1,
        served_entities: [{ name: 'gpt-4o', state: { deployment: 'DEPLOYMENT_READY' } }],
        traffic_config: { routes: [{ served_model_name: 'gpt-4o', traffic_percentage: 100 }] },
      },
    });
    const fetched = await emulator.call('GET', '/api/2.0/serving-endpoints/gpt_chat');
    expect(fetched.body.id).toBe(body.id);
  });

  it('refuses a duplicate name and an invalid config', async () => {
    const duplicate = await emulator.call('POST', '/api/2.0/serving-endpoints', externalChat);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    const noEntities = await emulator.call('POST', '/api/2.0/serving-endpoints', { name: 'empty', config: {} });
    expect(noEntities.status).toBe(400);
    expect(noEntities.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    const badName = await emulator.call('POST', '/api/2.0/serving-endpoints', { ...externalChat, name: 'bad name!' });
    expect(badName.body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('updates the config with PUT and bumps config_version', async () => {
    const { status, body } = await emulator.call('PUT', '/api/2.0/serving-endpoints/gpt_chat/config', {
      served_entities: [
        { name: 'gpt-4o-mini', external_model: { name: 'gpt-4o-mini', provider: 'openai', task: 'llm/v1/chat' } },
      ],
    });
    expect(status).toBe(200);
    expect(body.config.config_version).toBe(2);
    expect(body.config.served_entities[0].name).toBe('gpt-4o-mini');
    expect(body.last_updated_timestamp).toBeGreaterThanOrEqual(body.creation_timestamp);
  });

  it('answers an invocation in the chat-completions shape with a deterministic echo', async () => {
    const request = { messages: [{ role: 'user', content: 'Hello there' }], max_tokens: 100, temperature: 0.2 };
    const first = await emulator.call('POST', '/serving-endpoints/gpt_chat/invocations', request);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' }],
    });
    expect(first.body.id).toMatch(/^chatcmpl-/);
    expect(first.body.created).toBeTypeOf('number');
    expect(first.body.choices[0].message.content).toContain('Hello there');
    const { prompt_tokens, completion_tokens, total_tokens } = first.body.usage;
    expect(prompt_tokens).toBeGreaterThan(0);
    expect(total_tokens).toBe(prompt_tokens + completion_tokens);
    const second = await emulator.call('POST', '/serving-endpoints/gpt_chat/invocations', request);
    expect(second.body.choices).toEqual(first.body.choices);
    expect(second.body.id).toBe(first.body.id);
  });

  it('stops at max_tokens with finish_reason length', async () => {
    const { body } = await emulator.call('POST', '/serving-endpoints/gpt_chat/invocations', {
      messages: [{ role: 'user', content: 'word '.repeat(200) }],
      max_tokens: 5,
    });
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.usage.completion_tokens).toBeLessThanOrEqual(5);
  });

  it('rejects an invocation without messages with BAD_REQUEST', async () => {
    const { status, body } = await emulator.call('POST', '/serving-endpoints/cop_advisor/invocations', {
      prompt: 'hi',
    });
    expect(status).toBe(400);
    expect(body.error_code).toBe('BAD_REQUEST');
  });

  it('answers 404 RESOURCE_DOES_NOT_EXIST for an unknown endpoint', async () => {
    const invoke = await emulator.call('POST', '/serving-endpoints/nope/invocations', {
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(invoke.status).toBe(404);
    expect(invoke.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await emulator.call('GET', '/api/2.0/serving-endpoints/nope')).status).toBe(404);
  });

  it('deletes an endpoint', async () => {
    expect((await emulator.call('DELETE', '/api/2.0/serving-endpoints/gpt_chat')).status).toBe(200);
    expect((await emulator.call('GET', '/api/2.0/serving-endpoints/gpt_chat')).status).toBe(404);
    expect((await emulator.call('DELETE', '/api/2.0/serving-endpoints/gpt_chat')).status).toBe(404);
  });
});
