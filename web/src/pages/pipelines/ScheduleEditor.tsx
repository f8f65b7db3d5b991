import { createQuery } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { ErrorState } from '../../components/ErrorState';
import { graphql } from '../../gql';
import type { ScheduleDraft } from './pipeline-draft';

const SchedulePreviewQuery = graphql(`
  query PipelineSchedulePreview($schedule: PipelineScheduleInput!) {
    pipelineSchedulePreview(schedule: $schedule, count: 5)
  }
`);

export interface ScheduleEditorProps {
  schedule: ScheduleDraft;
  onChange(patch: Partial<ScheduleDraft>): void;
}

/** Fire times in the schedule's own timezone, as Databricks will fire them. */
const inZone = (iso: string, timeZone: string) => {
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(
      new Date(iso),
    );
  } catch {
    return iso;
  }
};

/** The Quartz expression, its timezone and pause, with the next five fire times the api computes as it is typed. */
export const ScheduleEditor: Component<ScheduleEditorProps> = (props) => {
  const [preview] = createQuery({
    query: SchedulePreviewQuery,
    variables: () => ({
      schedule: { quartzCron: props.schedule.quartzCron, timezone: props.schedule.timezone, paused: false },
    }),
    pause: () => !props.schedule.enabled || !props.schedule.quartzCron.trim() || !props.schedule.timezone.trim(),
  });
  return (
    <fieldset class="pipeline-schedule">
      <legend>Schedule</legend>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={props.schedule.enabled}
          onChange={(event) => props.onChange({ enabled: event.currentTarget.checked })}
        />
        Run on a schedule
      </label>
      <Show when={props.schedule.enabled}>
        <div class="pipeline-schedule__fields">
          <div class="field">
            <label for="schedule-cron">Quartz cron (seconds minutes hours day month weekday)</label>
            <input
              id="schedule-cron"
              type="text"
              value={props.schedule.quartzCron}
              onInput={(event) => props.onChange({ quartzCron: event.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="schedule-timezone">Timezone</label>
            <input
              id="schedule-timezone"
              type="text"
              value={props.schedule.timezone}
              onInput={(event) => props.onChange({ timezone: event.currentTarget.value })}
            />
          </div>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={props.schedule.paused}
              onChange={(event) => props.onChange({ paused: event.currentTarget.checked })}
            />
            Paused
          </label>
        </div>
        <Show when={preview.error}>{(error) => <ErrorState error={error()} variant="inline" />}</Show>
        <Show when={preview.data?.pipelineSchedulePreview}>
          {(times) => (
            <div class="pipeline-schedule__next">
              <p class="muted">
                {props.schedule.paused
                  ? 'Paused: it will not fire. Unpaused, the next five runs would be'
                  : 'Next five runs'}
                {` (${props.schedule.timezone}):`}
              </p>
              <ol aria-label="Next fire times" data-testid="next-fire-times">
                <For each={times()}>{(at) => <li>{inZone(at, props.schedule.timezone)}</li>}</For>
              </ol>
            </div>
          )}
        </Show>
      </Show>
    </fieldset>
  );
};
