import type { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { Prisma } from '../generated/prisma/client.js';

/** Which cached answer: one per entity and kind (`AiSummary`'s unique key). */
export interface SummaryKey {
  entityType: 'Cop' | 'Survey';
  entityId: string;
  summaryType: 'COP_ADVICE' | 'SURVEY_SUMMARY';
}

/** A validated cached answer and when and by which endpoint it was produced. */
export interface StoredSummary<T> {
  content: T;
  model: string;
  generatedAt: Date;
  expiresAt: Date;
}

/** Survey themes are kept for a day by default (model calls cost money); each feature may keep its answers longer. */
export const SUMMARY_TTL_MS = 24 * 60 * 60 * 1000;

interface SummaryRow {
  entityId: string;
  content: unknown;
  inputs?: unknown;
  model: string;
  updatedAt: Date;
  expiresAt: Date;
}

const rowFields = { entityId: true, content: true, model: true, updatedAt: true, expiresAt: true } as const;

/** A row whose content no longer matches the schema (written by an older version) counts as absent. */
function toStored<T>(row: SummaryRow | null, schema: z.ZodType<T>): StoredSummary<T> | null {
  const content = row ? schema.safeParse(row.content) : undefined;
  if (!row || !content?.success) return null;
  return { content: content.data, model: row.model, generatedAt: row.updatedAt, expiresAt: row.expiresAt };
}

/** The cached answers of many entities in one statement, in the order of `entityIds` (null when none). */
export async function loadSummaries<T>(
  prisma: PrismaClient,
  key: Omit<SummaryKey, 'entityId'>,
  entityIds: string[],
  schema: z.ZodType<T>,
  tenant: { customerId?: string } = {},
): Promise<(StoredSummary<T> | null)[]> {
  const rows = await prisma.aiSummary.findMany({
    where: { ...key, entityId: { in: entityIds }, ...tenant },
    select: rowFields,
  });
  const byEntity = new Map(rows.map((row) => [row.entityId, row]));
  return entityIds.map((id) => toStored(byEntity.get(id) ?? null, schema));
}

export interface Generation<T> {
  prisma: PrismaClient;
  key: SummaryKey;
  customerId: string;
  schema: z.ZodType<T>;
  refresh: boolean;
  /** How long an answer is kept; default `SUMMARY_TTL_MS`. */
  ttlMs?: number;
  /** The facts the answer is made from, stored with it (`AiSummary.inputs`). */
  inputs?: Prisma.InputJsonValue;
  /**
   * Whether an unexpired cached answer still describes the entity (e.g. no new responses since), given the inputs
   * stored with it (null when none were).
   */
  stillValid?: (cached: T, storedInputs: unknown) => boolean;
  /** Asks the model; its answer is stored only when this resolves. */
  generate: () => Promise<{ content: T; model: string }>;
}

/**
 * Returns the cached answer while it is unexpired and valid, unless `refresh`; otherwise generates a new
 * one and stores it. A failed generation leaves the previous answer in place.
 */
export async function cachedGeneration<T>(generation: Generation<T>): Promise<StoredSummary<T>> {
  const { prisma, key, schema } = generation;
  if (!generation.refresh) {
    const row = await prisma.aiSummary.findUnique({
      where: { entityType_entityId_summaryType: key },
      select: { ...rowFields, inputs: true },
    });
    const cached = toStored(row, schema);
    const valid = cached && (generation.stillValid?.(cached.content, row?.inputs ?? null) ?? true);
    if (cached && valid && cached.expiresAt > new Date()) return cached;
  }
  const { content, model } = await generation.generate();
  // Generated when the answer arrived; `updatedAt` is set explicitly so that it and the expiry agree.
  const generatedAt = new Date();
  const values = {
    content: content as Prisma.InputJsonValue,
    inputs: generation.inputs ?? Prisma.DbNull,
    model,
    customerId: generation.customerId,
    updatedAt: generatedAt,
    expiresAt: new Date(generatedAt.getTime() + (generation.ttlMs ?? SUMMARY_TTL_MS)),
  };
  const row = await prisma.aiSummary.upsert({
    where: { entityType_entityId_summaryType: key },
    create: { ...key, ...values },
    update: values,
    select: rowFields,
  });
  return { content, model, generatedAt: row.updatedAt, expiresAt: row.expiresAt };
}
