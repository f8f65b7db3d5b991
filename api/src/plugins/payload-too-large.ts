/** The 413 answer of a body over a limit, as a GraphQL error body. */
export function tooLarge(maxBytes: number): Response {
  const error = {
    message: `The request body is larger than ${maxBytes} bytes.`,
    extensions: { code: 'PAYLOAD_TOO_LARGE' },
  };
  return Response.json({ errors: [error] }, { status: 413 });
}
