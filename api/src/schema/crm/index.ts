// The CRM's part of the schema: types, queries, mutations, transfer and CoP links.
import './types.js';
import './queries.js';
import './mutations.js';
import './transfer.js';
import './links.js';
