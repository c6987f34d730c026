import { spawn } from 'node:child_process';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  input?: string;
  signal?: AbortSignal;
  env?: Record<string, string>;
}

/** Runs a program and collects its output; never throws on a non-zero exit. */
export function runProgram(file: string, args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: { ...process.env, ...options.env },
      // no stdin unless there is input: the program may exit before reading it, and a write would then fail with EPIPE
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.stdin?.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error);
    });
    child.stdin?.end(options.input);
    child.on('close', (code) => {
      resolve({
        exitCode: code ?? -1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** Runs the docker CLI (the oracle) and collects its output; never throws on a non-zero exit. */
export function dockerCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return runProgram('docker', args, { ...options, env: { DOCKER_BUILDKIT: '0', ...options.env } });
}
