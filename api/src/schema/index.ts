// Assembles the schema: each import registers one domain's types and fields on the builder.
import './scalars.js';
import './error-code.js';
import './auth.js';
import './customer.js';
import './cop.js';
import './user.js';
import './event.js';
import './content.js';
import './use-case.js';
import './champion.js';
import './discussion.js';
import './survey.js';
import './kpi.js';
import './kpi-computation.js';
import './integration.js';
import './workspace-mapping.js';
import './service-token.js';
import './audit-log.js';
import './databricks/index.js';
import './runs/index.js';
import './ai.js';
import './integration-check.js';
import './usage-sync.js';
import { builder } from './builder.js';

export const schema = builder.toSchema({ sortSchema: true });
