import { builder } from './builder.js';

/** A cached model-serving answer (CoP advice, survey summary); fields that return it arrive with the AI features. */
builder.prismaObject('AiSummary', {
  fields: (t) => ({
    summaryType: t.exposeString('summaryType', { description: 'What was asked, e.g. SURVEY_THEMES or COP_ADVICE.' }),
    content: t.expose('content', { type: 'JSON' }),
    model: t.exposeString('model', { description: 'The serving endpoint that produced it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    isExpired: t.boolean({
      description: 'Past its expiry: the next request asks the model again.',
      resolve: (summary) => summary.expiresAt.getTime() <= Date.now(),
    }),
  }),
});
