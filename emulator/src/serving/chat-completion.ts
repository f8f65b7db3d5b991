/** The chat-completions wire shape served by `/serving-endpoints/{name}/invocations`. */
import { createHash } from 'node:crypto';
import { DatabricksApiError } from '../http/types.js';
import type { ChatMessage } from './prompt.js';

export interface ChatRequest {
  messages: ChatMessage[];
  max_tokens?: number;
  temperature?: number;
}

const badRequest = (message: string) => new DatabricksApiError(400, 'BAD_REQUEST', message);

export function parseChatRequest(body: Record<string, unknown>): ChatRequest {
  const { messages, max_tokens: maxTokens, temperature } = body;
  if (!Array.isArray(messages) || messages.length === 0) {
    throw badRequest('The request must contain a non-empty "messages" array (chat completions format).');
  }
  for (const message of messages) {
    if (typeof message?.role !== 'string' || typeof message?.content !== 'string') {
      throw badRequest('Every message needs a string "role" and a string "content".');
    }
  }
  if (maxTokens !== undefined && (!Number.isInteger(maxTokens) || (maxTokens as number) < 1)) {
    throw badRequest('"max_tokens" must be a positive integer.');
  }
  if (temperature !== undefined && (typeof temperature !== 'number' || temperature < 0 || temperature > 2)) {
    throw badRequest('"temperature" must be a number between 0 and 2.');
  }
  return { messages, max_tokens: maxTokens as number | undefined, temperature: temperature as number | undefined };
}

/** Roughly what a BPE tokenizer counts: about four characters per token. */
export const countTokens = (text: string) => Math.ceil(text.length / 4);

export function chatCompletion(model: string, request: ChatRequest, answer: string, now = Date.now()) {
  const promptTokens = countTokens(request.messages.map((message) => message.content).join('\n'));
  const limit = request.max_tokens;
  const truncated = limit !== undefined && countTokens(answer) > limit;
  const content = truncated ? answer.slice(0, limit * 4) : answer;
  const completionTokens = countTokens(content);
  // Same request → same id, so repeated calls are recognisably the same completion.
  const id = createHash('sha256').update(model).update(JSON.stringify(request.messages)).digest('hex').slice(0, 29);
  return {
    id: `chatcmpl-${id}`,
    object: 'chat.completion',
    created: Math.floor(now / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: truncated ? 'length' : 'stop' }],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}
