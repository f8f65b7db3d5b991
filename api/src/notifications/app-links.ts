// Paths of the web app a notice links to. The web app addresses rows by their global id (base64 of
// `Type:id`, URL-encoded); the worker makes them absolute with APP_URL when it sends the notice.
const globalId = (type: string, id: string) => encodeURIComponent(Buffer.from(`${type}:${id}`).toString('base64'));

export const copLink = (copId: string) => `/cops/${globalId('Cop', copId)}`;
export const surveyLink = (surveyId: string) => `/surveys/${globalId('Survey', surveyId)}`;
