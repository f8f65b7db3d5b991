/** A survey's address. Global ids are base64 (`+`, `/`, `=`), so they are URL-encoded. */
export const surveyPath = (surveyId: string) => `/surveys/${encodeURIComponent(surveyId)}`;
