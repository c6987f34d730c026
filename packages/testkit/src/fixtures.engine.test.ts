import { expect, it } from 'vitest';
import { useEngine } from './index';

const kit = await useEngine();

async function runDetached(name: string, args: readonly string[]): Promise<void> {
  const result = await kit.labelledCli(['run', '-d', '--name', name], args);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
}

kit.describe('the book stand-in images', () => {
  // ch. 2.1: the website monitor — the agent watches web, and the mailer hears about it when web stops.
  it('reports "System up." while web runs, and the mailer sends the alert once web is stopped', async () => {
    const web = kit.name('web');
    const mailer = kit.name('mailer');
    const agent = kit.name('agent');
    await runDetached(web, ['berth-fixtures/web']);
    await runDetached(mailer, ['berth-fixtures/mailer']);
    await kit.waitForLog(mailer, 'CH2 Example Mailer has started.');
    await runDetached(agent, [
      '--link',
      `${web}:insideweb`,
      '--link',
      `${mailer}:insidemailer`,
      'berth-fixtures/agent',
    ]);

    await kit.waitForLog(agent, 'System up.');
    expect(await kit.waitForLog(web, '"GET / HTTP/1.0" 200')).toMatch(/"GET \/ HTTP\/1\.0" 200/);
    expect(await kit.logs(mailer)).not.toContain('Sending email');

    expect((await kit.cli(['stop', '-t', '1', web])).stdout).toBe(`${web}\n`);
    await kit.waitForLog(mailer, 'Sending email: To: admin@work  Message: The service is down!');
  });

  it('serves the nginx welcome page from web', async () => {
    const web = kit.name('web');
    await runDetached(web, ['berth-fixtures/web']);
    const page = await kit.labelledCli(
      ['run', '--rm', '--link', `${web}:web`],
      ['busybox:1.29', 'wget', '-q', '-O', '-', 'http://web:80/'],
    );
    expect(page.stdout).toContain('Welcome to nginx!');
    expect(page.stdout).toContain('Welcome to NGINX!');
  });

  it('writer appends a line to /data/logA every second', async () => {
    const writer = kit.name('writer');
    await runDetached(writer, ['berth-fixtures/writer']);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const lines = (await kit.exec(writer, ['cat', '/data/logA'])).stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
  });

  // ch. 6.2: a System V message queue is visible only inside one IPC namespace.
  it('ipc consumer reads the producer’s messages only when it joins the producer’s IPC namespace', async () => {
    const producer = kit.name('ipc-producer');
    const joined = kit.name('ipc-joined');
    const apart = kit.name('ipc-apart');
    await runDetached(producer, ['-u', 'nobody', '--ipc', 'shareable', 'berth-fixtures/ipc', '-producer']);
    await kit.waitForLog(producer, 'Produced: Message 1');
    await runDetached(apart, ['-u', 'nobody', 'berth-fixtures/ipc', '-consumer']);
    await runDetached(joined, ['--ipc', `container:${producer}`, 'berth-fixtures/ipc', '-consumer']);

    await kit.waitForLog(joined, 'Consumed: Message');
    await kit.waitForLog(producer, 'Produced: Message 4');
    const apartLog = await kit.logs(apart);
    expect(apartLog).toContain('Consumer started');
    expect(apartLog).not.toContain('Consumed');
  });
});
