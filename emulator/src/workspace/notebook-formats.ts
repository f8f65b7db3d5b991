/**
 * Notebook encodings of the Workspace API. A notebook is kept as its SOURCE body (cells joined by the
 * `COMMAND ----------` separator, without the `Databricks notebook source` header), so SOURCE and JUPYTER
 * exports and imports round-trip through one representation.
 */
export const NOTEBOOK_LANGUAGES = ['PYTHON', 'SQL', 'SCALA', 'R'] as const;
export type NotebookLanguage = (typeof NOTEBOOK_LANGUAGES)[number];

const COMMENT: Record<NotebookLanguage, string> = { PYTHON: '#', SQL: '--', SCALA: '//', R: '#' };
const EXTENSION: Record<NotebookLanguage, string> = { PYTHON: 'py', SQL: 'sql', SCALA: 'scala', R: 'r' };

export const isNotebookLanguage = (value: unknown): value is NotebookLanguage =>
  typeof value === 'string' && (NOTEBOOK_LANGUAGES as readonly string[]).includes(value);

export const sourceExtension = (language: NotebookLanguage) => EXTENSION[language];

export function languageOfExtension(path: string): NotebookLanguage | undefined {
  const extension = path.split('.').pop()?.toLowerCase();
  return NOTEBOOK_LANGUAGES.find((language) => EXTENSION[language] === extension);
}

const header = (language: NotebookLanguage) => `${COMMENT[language]} Databricks notebook source`;
const separator = (language: NotebookLanguage) => `\n\n${COMMENT[language]} COMMAND ----------\n\n`;

export const joinCells = (language: NotebookLanguage, cells: string[]) => cells.join(separator(language));
const splitCells = (language: NotebookLanguage, body: string) => body.split(separator(language));

/** True when the text is a notebook exported in SOURCE format (what AUTO import looks for). */
export const hasSourceHeader = (text: string) =>
  NOTEBOOK_LANGUAGES.some((language) => text.startsWith(header(language)));

export const toSource = (language: NotebookLanguage, body: string) => `${header(language)}\n${body}`;

export function fromSource(language: NotebookLanguage, text: string): string {
  const first = header(language);
  return text.startsWith(first) ? text.slice(first.length).replace(/^\r?\n/, '') : text;
}

interface JupyterCell {
  cell_type: 'code' | 'markdown';
  source: string | string[];
}

const sourceLines = (text: string) => text.split('\n').map((line, i, all) => (i < all.length - 1 ? `${line}\n` : line));

export function toJupyter(name: string, language: NotebookLanguage, body: string): string {
  const cells = splitCells(language, body).map((cell) => ({
    cell_type: 'code',
    execution_count: null,
    metadata: {},
    outputs: [],
    source: sourceLines(cell),
  }));
  const metadata = {
    'application/vnd.databricks.v1+notebook': { language: language.toLowerCase(), notebookName: name },
    language_info: { name: language.toLowerCase() },
  };
  return JSON.stringify({ cells, metadata, nbformat: 4, nbformat_minor: 0 }, null, 1);
}

/** Parses an .ipynb document; markdown cells become `%md` magic cells as Databricks does. */
export function fromJupyter(
  text: string,
  fallback: NotebookLanguage,
): { language: NotebookLanguage; body: string } | undefined {
  let notebook: { cells?: JupyterCell[]; metadata?: { language_info?: { name?: string } } };
  try {
    notebook = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(notebook.cells)) return undefined;
  const declared = notebook.metadata?.language_info?.name?.toUpperCase();
  const language = isNotebookLanguage(declared) ? declared : fallback;
  const cells = notebook.cells.map((cell) => {
    const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
    if (cell.cell_type !== 'markdown') return source;
    return ['%md', ...source.split('\n')].map((line) => `${COMMENT[language]} MAGIC ${line}`).join('\n');
  });
  return { language, body: joinCells(language, cells) };
}
