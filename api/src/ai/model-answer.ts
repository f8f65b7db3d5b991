import { z } from 'zod';
import { type ChatMessage, invokeChat } from '../databricks/api/compute.js';
import type { DatabricksRestClient } from '../databricks/rest-client.js';
import { AiError } from './errors.js';

/** Model prose, clipped rather than refused when a model is verbose. */
export const modelText = z
  .string()
  .trim()
  .min(1)
  .transform((value) => value.slice(0, 2000));
/** A list the model may leave out (empty) or make too long (cut). */
export const modelList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .default([])
    .transform((items) => items.slice(0, max));

export interface ModelQuestion<T> {
  endpoint: string;
  /** Instructions; a real LLM reads them, the emulator's rule-based models do not. */
  system: string;
  /** The data, as a JSON block and/or `key: value` lines. */
  user: string;
  /** What a usable answer looks like; anything else is refused, never stored. */
  answer: z.ZodType<T>;
  maxTokens: number;
}

/** Asks a chat-completions serving endpoint for a JSON answer and validates it. */
export async function askModelForJson<T>(rest: DatabricksRestClient, question: ModelQuestion<T>): Promise<T> {
  const messages: ChatMessage[] = [
    { role: 'system', content: question.system },
    { role: 'user', content: question.user },
  ];
  const completion = await invokeChat(rest, question.endpoint, { messages, max_tokens: question.maxTokens });
  const choice = completion.choices?.[0];
  if (typeof choice?.message?.content !== 'string') {
    throw new AiError('BAD_RESPONSE', `The model ${question.endpoint} returned no message.`);
  }
  return parseModelJson(choice.message.content, question.answer, question.endpoint);
}

/**
 * Reads the JSON object in a model's answer: LLMs often wrap it in a ```json fence or add a sentence
 * around it, so the fence is stripped and, failing that, the outermost braces are tried.
 */
export function parseModelJson<T>(content: string, answer: z.ZodType<T>, endpoint: string): T {
  const json = jsonIn(content);
  const parsed = json === undefined ? undefined : answer.safeParse(json);
  if (!parsed?.success) {
    throw new AiError(
      'BAD_RESPONSE',
      `The model ${endpoint} did not answer in the expected format; nothing was stored.`,
      {
        issues: parsed?.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`),
      },
    );
  }
  return parsed.data;
}

function jsonIn(content: string): unknown {
  const unfenced = (/```(?:json)?\s*([\s\S]*?)```/i.exec(content)?.[1] ?? content).trim();
  const start = unfenced.indexOf('{');
  const end = unfenced.lastIndexOf('}');
  for (const candidate of [unfenced, start >= 0 && end > start ? unfenced.slice(start, end + 1) : undefined]) {
    if (candidate === undefined) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}
