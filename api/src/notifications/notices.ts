// The notifications users expect, each with the key that makes it unique: a run that finished or failed, an
// event tomorrow, a new survey.
import type { CopEvent, JobRun, Survey } from '../generated/prisma/client.js';
import { copLink, surveyLink } from './app-links.js';
import { type Db, enqueueNotice } from './outbox.js';

/** MEETUP → Meetup, OFFICE_HOURS → Office hours. */
const enumWords = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
const minutes = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);
const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const runName = (run: Pick<JobRun, 'kind' | 'layer' | 'notebookPath' | 'databricksJobId'>) =>
  run.kind === 'PIPELINE'
    ? `${run.layer ?? 'ALL'} pipeline`
    : run.kind === 'NOTEBOOK'
      ? `notebook ${run.notebookPath ?? ''}`.trim()
      : `job ${run.databricksJobId ?? ''}`.trim();

/** A run that ended in success or failure (not a cancellation, which somebody asked for). */
export async function notifyRunEnded(db: Db, jobRunId: string, outcome: 'RUN_COMPLETED' | 'RUN_FAILED') {
  const run = await db.jobRun.findUniqueOrThrow({
    where: { id: jobRunId },
    include: { cop: { select: { name: true } } },
  });
  const failed = outcome === 'RUN_FAILED';
  const where = run.cop ? ` in ${run.cop.name}` : '';
  const facts = [
    ...(run.cop ? [{ name: 'CoP', value: run.cop.name }] : []),
    ...(run.durationMs != null ? [{ name: 'Duration', value: minutes(run.durationMs) }] : []),
    ...(run.recordsProcessed != null ? [{ name: 'Records', value: run.recordsProcessed.toLocaleString('en-US') }] : []),
  ];
  return enqueueNotice(db, run.customerId, `run:${run.id}:${failed ? 'failed' : 'finished'}`, {
    title: failed ? `Run failed: ${runName(run)}` : `Run finished: ${runName(run)}`,
    text: failed
      ? `The ${runName(run)} run${where} failed${run.errorMessage ? `: ${run.errorMessage}` : '.'}`
      : `The ${runName(run)} run${where} finished successfully.`,
    facts,
    ...(run.runPageUrl && { link: { label: 'Open the run in Databricks', url: run.runPageUrl } }),
  });
}

/** A survey that was just opened to the CoP. */
export async function notifySurveyOpened(
  db: Db,
  survey: Pick<Survey, 'id' | 'title' | 'description'> & { cop: { id: string; name: string; customerId: string } },
) {
  return enqueueNotice(db, survey.cop.customerId, `survey:${survey.id}:opened`, {
    title: `New survey: ${survey.title}`,
    text: survey.description || `${survey.cop.name} would like your answers.`,
    facts: [{ name: 'CoP', value: survey.cop.name }],
    link: { label: 'Answer the survey', url: surveyLink(survey.id) },
  });
}

/** An event that starts tomorrow (sent once per event, whenever the daily scan runs). */
export async function notifyEventTomorrow(
  db: Db,
  event: Pick<CopEvent, 'id' | 'title' | 'kind' | 'startsAt' | 'location'> & {
    cop: { id: string; name: string; customerId: string };
  },
) {
  return enqueueNotice(db, event.cop.customerId, `event:${event.id}:tomorrow`, {
    title: `Tomorrow: ${event.title}`,
    text: `${enumWords(event.kind)} of ${event.cop.name}, tomorrow at ${utc(event.startsAt).slice(11)}.`,
    facts: [
      { name: 'CoP', value: event.cop.name },
      { name: 'Starts', value: utc(event.startsAt) },
      ...(event.location ? [{ name: 'Where', value: event.location }] : []),
    ],
    link: { label: 'Open the CoP', url: copLink(event.cop.id) },
  });
}
