import { StreamError } from './errors';
import { jsonLines } from './json-lines';

/** One message of a pull, push, build or load stream, as the engine sends it (moby's `jsonmessage.JSONMessage`). */
export interface ProgressMessage {
  status?: string;
  id?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  stream?: string;
  aux?: Record<string, unknown>;
  error?: string;
  errorDetail?: { code?: number; message?: string };
}

/**
 * What a pull, push, build or load reports: a layer's step (`Downloading` 1.2 of 2.8 MB, `Pull complete`), a status
 * line about the whole operation (`Digest: sha256:…`), build or load output (`Step 1/3 : FROM busybox`,
 * `Loaded image: busybox:1.29`), or a result (`{ ID }` of a built image, `{ Tag, Digest, Size }` of a push).
 */
export type ProgressEvent =
  | {
      type: 'layer';
      id: string;
      status: string;
      current?: number;
      total?: number;
      /** A note about it (`Pulling from …`), not a step: a terminal display prints it as a line, not redrawn. */
      note?: true;
    }
  | { type: 'status'; status: string }
  | { type: 'output'; text: string }
  | { type: 'result'; aux: Record<string, unknown> };

/** Converts one message; throws the `StreamError` a message with `error` stands for. */
export function toProgressEvent(message: ProgressMessage, subject: string): ProgressEvent | undefined {
  if (message.error !== undefined || message.errorDetail !== undefined) {
    const said = message.errorDetail?.message ?? message.error ?? 'unknown error';
    const code = message.errorDetail?.code;
    throw new StreamError('progress-error', subject, `${subject}: ${said}`, {
      daemonMessage: said,
      ...(code !== undefined ? { detailCode: code } : {}),
    });
  }
  if (message.aux !== undefined) return { type: 'result', aux: message.aux };
  if (message.stream !== undefined) return { type: 'output', text: message.stream };
  if (message.status === undefined) return undefined;
  if (message.id === undefined) return { type: 'status', status: message.status };
  if (message.progressDetail === undefined)
    return { type: 'layer', id: message.id, status: message.status, note: true };
  const { current, total } = message.progressDetail;
  return {
    type: 'layer',
    id: message.id,
    status: message.status,
    ...(current !== undefined ? { current } : {}),
    ...(total !== undefined ? { total } : {}),
  };
}

/** The progress events of a pull, push, build or load answer; the first error message ends it with a `StreamError`. */
export async function* progressEvents(
  source: AsyncIterable<Uint8Array>,
  subject: string,
): AsyncGenerator<ProgressEvent> {
  for await (const message of jsonLines<ProgressMessage>(source)) {
    const event = toProgressEvent(message, subject);
    if (event) yield event;
  }
}
