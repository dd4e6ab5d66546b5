import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * Reads the whole body, refusing (413) anything above `limitBytes` without buffering it. Events,
 * not `for await`: an async iterator over the request costs a stream wrapper and a promise per
 * chunk on every request, for bodies that nearly always arrive in one chunk.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) return Promise.reject(new HttpError(413, `Request body is larger than ${limitBytes} bytes.`, 'PAYLOAD_TOO_LARGE'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      req.off('data', onData);
      // As the iterator did when the loop threw: stop reading the rest.
      req.destroy();
      reject(new HttpError(413, `Request body is larger than ${limitBytes} bytes.`, 'PAYLOAD_TOO_LARGE'));
    };
    req.on('data', onData);
    req.once('end', () => resolve((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8')));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('request aborted'));
    });
  });
}

/** A JSON error body in the GraphQL response shape, so clients parse one format. */
export function sendError(res: ServerResponse, error: HttpError, extra: Record<string, unknown> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code, ...extra } }] });
  res.writeHead(error.status, { 'content-type': 'application/json; charset=utf-8', ...error.headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return undefined;
  if (!contentType?.toLowerCase().startsWith('application/json')) return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.', 'BAD_REQUEST');
  }
}

export interface ParsedGraphQLRequest {
  /** The parsed JSON body (undefined for GET). */
  body: unknown;
  /** `?query=…` for GET, with the leading `?`. */
  search: string;
}

/** Apollo Server's answer to one request, not yet written: status, headers, body. */
export interface GraphQLAnswer {
  status: number;
  headers: Record<string, string>;
  /** A string, or chunks for incremental delivery (@defer), which is never shared. */
  body: string | AsyncIterable<string>;
}

/** Hands one parsed HTTP request to Apollo Server (its documented integration API). */
export async function answerGraphQL<C extends BaseContext>(
  server: ApolloServer<C>,
  req: IncomingMessage,
  parsed: ParsedGraphQLRequest,
  context: () => Promise<C>,
): Promise<GraphQLAnswer> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: parsed.search,
      body: parsed.body,
    },
    context,
  });
  const outHeaders: Record<string, string> = {};
  for (const [key, value] of response.headers) outHeaders[key] = value;
  return {
    status: response.status ?? 200,
    headers: outHeaders,
    body: response.body.kind === 'complete' ? response.body.string : response.body.asyncIterator,
  };
}

/**
 * A whole answer goes out with its length: `writeHead` without one makes Node frame the body as
 * chunked, which costs a vectored write of four pieces here and a chunk parser at the other end
 * (docs/benchmarks.md, "Where the single-subgraph and write paths spend CPU").
 */
export async function sendGraphQLAnswer(res: ServerResponse, answer: GraphQLAnswer): Promise<void> {
  if (typeof answer.body === 'string') {
    res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
    return;
  }
  res.writeHead(answer.status, answer.headers);
  for await (const chunk of answer.body) res.write(chunk);
  res.end();
}

/** `answerGraphQL`, then write the answer. */
export async function executeParsedGraphQL<C extends BaseContext>(
  server: ApolloServer<C>,
  req: IncomingMessage,
  res: ServerResponse,
  parsed: ParsedGraphQLRequest,
  context: () => Promise<C>,
): Promise<void> {
  await sendGraphQLAnswer(res, await answerGraphQL(server, req, parsed, context));
}

/**
 * Graceful stop (SIGTERM): stop accepting connections, let in-flight requests finish for at
 * most `graceMs`, then cut what is left. Idle keep-alive connections are closed at once so
 * they do not hold the process open.
 */
export function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    // A keep-alive connection whose request just finished is idle now: close it too.
    const sweeper = setInterval(() => server.closeIdleConnections(), 50);
    sweeper.unref();
    server.close(() => {
      clearTimeout(timer);
      clearInterval(sweeper);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/** Listens, turning EADDRINUSE into a sentence that names the port and the variable to change. */
export function listen(server: Server, port: number, host: string, what: string, portVariable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new PortInUseError(`Port ${port} is already in use (${what}). Set ${portVariable} to a free port.`));
      } else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
