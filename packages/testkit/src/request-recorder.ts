import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';

export interface RecordedRequest {
  method: string;
  url: URL;
  /** The request's body as sent, complete once the engine answered. */
  body: Buffer;
}

/**
 * A unix socket in front of the engine that forwards every request and records it. Point the docker CLI at it
 * (`DOCKER_HOST` set to `host`) to see exactly what it sends, where inspect cannot show it (query parameters).
 */
export interface RequestRecorder {
  readonly host: string;
  readonly requests: readonly RecordedRequest[];
  /** The body of the first request to `path` (`/containers/create`), parsed as JSON, as if sent without the recorder. */
  jsonBody(method: string, path: string): unknown;
  /**
   * `value` as it would be without the recorder: its socket path replaced by the engine's (docker 28.2 binds the
   * socket it is connected to for `--use-api-socket`).
   */
  asIfDirect<T>(value: T): T;
  close(): Promise<void>;
}

export class RecorderSetupError extends Error {
  override readonly name = 'RecorderSetupError';
}

/** The unix socket dockerode talks to (docker-modem finds the default one lazily, behind a function). */
async function engineSocketPath(docker: Docker): Promise<string> {
  const configured: unknown = (docker.modem as { socketPath?: unknown }).socketPath;
  const socket = typeof configured === 'function' ? await configured() : configured;
  if (typeof socket !== 'string') {
    throw new RecorderSetupError(`the engine is not on a unix socket (${String(socket)})`);
  }
  return socket;
}

export async function recordRequests(docker: Docker): Promise<RequestRecorder> {
  const engineSocket = await engineSocketPath(docker);
  const directory = await mkdtemp(join(tmpdir(), 'berth-recorder-'));
  const socket = join(directory, 'docker.sock');
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const recorded = { method: incoming.method ?? 'GET', url: new URL(incoming.url ?? '/', 'http://engine') };
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    requests.push({
      ...recorded,
      get body() {
        return Buffer.concat(chunks);
      },
    });
    const forwarded = request(
      { socketPath: engineSocket, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', (error) => outgoing.destroy(error));
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, resolve);
  });
  const asIfDirect = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll(socket, engineSocket));
  return {
    host: `unix://${socket}`,
    requests,
    asIfDirect,
    jsonBody(method, path) {
      const found = requests.find((recorded) => recorded.method === method && recorded.url.pathname.endsWith(path));
      if (!found) throw new RecorderSetupError(`no ${method} ${path} request was recorded`);
      return asIfDirect(JSON.parse(found.body.toString('utf8')));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(directory, { recursive: true, force: true });
    },
  };
}
