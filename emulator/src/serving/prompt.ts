/**
 * Reading the facts a prompt carries, for the rule-based model endpoints: a JSON block (fenced with
 * ```json or bare) and/or `key: value` lines. Keys are normalised to snake_case so `Member count`,
 * `member-count` and `member_count` are the same fact.
 */
export interface ChatMessage {
  role: string;
  content: string;
}

/** The text the rules read: the user messages, in order (system instructions are not facts). */
export const promptText = (messages: ChatMessage[]) =>
  messages
    .filter((message) => message.role === 'user')
    .map((message) => message.content)
    .join('\n');

export const normalizeKey = (key: string) =>
  key
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The index just past the bracket that closes the one at `start`, skipping brackets inside strings. */
function closingIndex(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if ((char === '}' || char === ']') && --depth === 0) return i + 1;
  }
  return undefined;
}

/** The first JSON object or array in the text: a ```json fenced block first, else the first bare one. */
export function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*\n([\s\S]*?)```/i.exec(text);
  const fencedJson = fenced ? tryParse(fenced[1]) : undefined;
  if (fencedJson !== undefined) return fencedJson;
  for (let start = text.search(/[{[]/); start >= 0 && start < text.length; ) {
    const end = closingIndex(text, start);
    const parsed = end === undefined ? undefined : tryParse(text.slice(start, end));
    if (parsed !== undefined) return parsed;
    const next = text.slice(start + 1).search(/[{[]/);
    start = next < 0 ? -1 : start + 1 + next;
  }
  return undefined;
}

/** `key: value` lines (bullets allowed), keys normalised. */
export function keyValueLines(text: string): Record<string, string> {
  const facts: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*(?:[-*•]\s*)?([A-Za-z][A-Za-z0-9 _/-]{0,60}?)\s*[:=]\s*(.+?)\s*$/.exec(line);
    if (match) facts[normalizeKey(match[1])] = match[2];
  }
  return facts;
}

/** All facts of a prompt; the JSON block wins over `key: value` lines. */
export function promptFacts(text: string): Record<string, unknown> {
  const json = extractJson(text);
  const jsonFacts =
    json && typeof json === 'object' && !Array.isArray(json)
      ? Object.fromEntries(Object.entries(json).map(([key, value]) => [normalizeKey(key), value]))
      : {};
  return { ...keyValueLines(text), ...jsonFacts };
}

/** First fact present under any of the aliases. */
export const pick = (facts: Record<string, unknown>, aliases: string[]) =>
  aliases.map((alias) => facts[alias]).find((value) => value !== undefined && value !== null && value !== '');

/** A number from `42`, `"42"`, `"-12%"` or `"NPS 35"`; undefined when there is none. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /[-+−]?\d+(?:\.\d+)?/.exec(value);
  return match ? Number(match[0].replace('−', '-')) : undefined;
}

export interface ListItem {
  label: string;
  /** A count in the item: attendees, views, contributions. */
  count?: number;
  /** A word in the item: a status such as `production` or `blocked`. */
  note?: string;
  /** Of a person: events attended and content authored, which rank people with equal contributions. */
  attended?: number;
  authored?: number;
}

const LABEL_KEYS = ['title', 'name', 'label', 'event', 'use_case'];
const COUNT_KEYS = ['count', 'views', 'attendees', 'contributions', 'score', 'value', 'engagement', 'points'];
const NOTE_KEYS = ['status', 'stage', 'state', 'note'];

function itemOfObject(object: Record<string, unknown>): ListItem | undefined {
  const facts = Object.fromEntries(Object.entries(object).map(([key, value]) => [normalizeKey(key), value]));
  const label = pick(facts, LABEL_KEYS);
  if (label === undefined) return undefined;
  const count = numberOf(pick(facts, COUNT_KEYS));
  const note = pick(facts, NOTE_KEYS);
  const attended = numberOf(pick(facts, ['events_attended', 'attended']));
  const authored = numberOf(pick(facts, ['content_authored', 'authored']));
  return {
    label: String(label),
    ...(count !== undefined && { count }),
    ...(note !== undefined && { note: String(note) }),
    ...(attended !== undefined && { attended }),
    ...(authored !== undefined && { authored }),
  };
}

/** `Title (120 views)` → count 120; `Claims model (production)` → note `production`. */
function itemOfText(text: string): ListItem {
  const match = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(text.trim());
  if (!match) return { label: text.trim() };
  const count = numberOf(match[2]);
  return count !== undefined ? { label: match[1], count } : { label: match[1], note: match[2].trim() };
}

/** A list fact: a JSON array (of strings or objects, also inline in a line) or a string split on `;`, `|` or `,`. */
export function listOf(value: unknown): ListItem[] {
  if (Array.isArray(value)) {
    return value
      .map((entry) =>
        entry && typeof entry === 'object' ? itemOfObject(entry as Record<string, unknown>) : itemOfText(String(entry)),
      )
      .filter((item): item is ListItem => item !== undefined && item.label !== '');
  }
  if (typeof value !== 'string' || value.trim() === '') return [];
  const inlineJson = value.trim().startsWith('[') ? tryParse(value) : undefined;
  if (Array.isArray(inlineJson)) return listOf(inlineJson);
  const separator = /[;|]/.test(value) ? /[;|]/ : /,/;
  return value
    .split(separator)
    .map(itemOfText)
    .filter((item) => item.label !== '');
}
