import type { NotebookLanguage } from '../generated/prisma/enums.js';

/**
 * A notebook's text in the Workspace API's SOURCE format: a `Databricks notebook source` header line, then the
 * cells separated by `COMMAND ----------` lines, both written as comments of the notebook's language.
 */

export interface NotebookCell {
  source: string;
}

const COMMENT_MARK: Record<NotebookLanguage, string> = { PYTHON: '#', SQL: '--', SCALA: '//', R: '#' };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function toSourceFormat(language: NotebookLanguage, cells: NotebookCell[]): string {
  const mark = COMMENT_MARK[language];
  const body = cells.map((cell) => cell.source).join(`\n\n${mark} COMMAND ----------\n\n`);
  return `${mark} Databricks notebook source\n${body}`;
}

/** The cells of a SOURCE text (as exported, or as another tool wrote it); blank lines around separators drop. */
export function fromSourceFormat(language: NotebookLanguage, text: string): NotebookCell[] {
  const mark = escapeRegExp(COMMENT_MARK[language]);
  const body = text.replace(/\r\n/g, '\n').replace(new RegExp(`^${mark} Databricks notebook source\\n?`), '');
  return body
    .replace(/\n+$/, '')
    .split(new RegExp(`\\n*^${mark} COMMAND -{10,}[ \\t]*$\\n*`, 'm'))
    .map((source) => ({ source }));
}
