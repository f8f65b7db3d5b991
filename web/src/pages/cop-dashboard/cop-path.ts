/** The dashboard's address for a CoP. Global ids are base64 (`+`, `/`, `=`), so they are URL-encoded. */
export const copPath = (copId: string) => `/cops/${encodeURIComponent(copId)}`;

/** The CoP id from the route parameter, which the router hands over still encoded. */
export const copIdFromParam = (param: string) => decodeURIComponent(param);
