import type { OutputChunk } from '@berth/engine';
import type { CommandIo } from './io';

const MAX_BATCH = 1 << 16;

/**
 * Writes a container's output pieces to stdout and stderr in fewer, larger writes: a log comes as one small frame
 * per line, and a write per frame costs more than the copy. Pieces of one stream are joined until the other stream
 * speaks, 64 KiB gather, or the event loop turns (so a followed log still shows each line as it comes).
 */
export async function writeOutput(chunks: AsyncIterable<OutputChunk>, io: CommandIo): Promise<void> {
  let pending: Buffer[] = [];
  let size = 0;
  let stream: OutputChunk['stream'] = 'stdout';
  let scheduled: NodeJS.Immediate | undefined;
  const flush = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    if (size === 0) return;
    (stream === 'stderr' ? io.stderr : io.stdout).write(
      pending.length === 1 ? pending[0] : Buffer.concat(pending, size),
    );
    pending = [];
    size = 0;
  };
  try {
    for await (const chunk of chunks) {
      if (chunk.stream !== stream) flush();
      stream = chunk.stream;
      pending.push(chunk.data);
      size += chunk.data.length;
      if (size >= MAX_BATCH) flush();
      else scheduled ??= setImmediate(flush);
    }
  } finally {
    flush();
  }
}
