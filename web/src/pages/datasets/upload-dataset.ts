/** What the api answers an upload with: the new dataset's id, or the first error in words. */
export type UploadOutcome = { id: string } | { error: string };

const UPLOAD = `mutation UploadDataset($input: UploadDatasetInput!) { uploadDataset(input: $input) { id } }`;

/**
 * Uploads a CSV by the GraphQL multipart request spec. XMLHttpRequest rather than fetch: only it reports
 * upload progress, which the page shows as a progress bar. (urql has no multipart exchange here.)
 */
export function uploadDataset(options: {
  token: string | null;
  customerId: string;
  name: string;
  file: File;
  onProgress(fraction: number): void;
}): Promise<UploadOutcome> {
  const body = new FormData();
  const variables = { input: { customerId: options.customerId, name: options.name, file: null } };
  body.set('operations', JSON.stringify({ query: UPLOAD, variables }));
  body.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  body.set('0', options.file, options.file.name);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/graphql');
    if (options.token) request.setRequestHeader('authorization', `Bearer ${options.token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      try {
        const answer = JSON.parse(request.responseText) as {
          data?: { uploadDataset?: { id: string } | null };
          errors?: { message: string }[];
        };
        const id = answer.data?.uploadDataset?.id;
        resolve(id ? { id } : { error: answer.errors?.[0]?.message ?? `The upload failed (HTTP ${request.status}).` });
      } catch {
        resolve({ error: `The upload failed (HTTP ${request.status}).` });
      }
    };
    request.onerror = () => resolve({ error: 'The upload did not reach the server.' });
    request.send(body);
  });
}
