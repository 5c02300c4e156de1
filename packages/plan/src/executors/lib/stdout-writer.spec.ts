import { Writable } from 'node:stream';
import { drainStdout, writeStdout } from './stdout-writer';

/** A stream that accepts each chunk only after a delay, as a slow socket does. */
function slowStream(delayMs: number) {
  const received: string[] = [];
  const stream = new Writable({
    highWaterMark: 1,
    write(chunk, _encoding, callback) {
      setTimeout(() => {
        received.push(String(chunk));
        callback();
      }, delayMs);
    },
  });
  return { stream, received };
}

describe('writeStdout / drainStdout', () => {
  it('resolves only after every byte has been accepted by the stream, in order', async () => {
    const { stream, received } = slowStream(5);
    writeStdout('{"a":\n', stream as unknown as NodeJS.WriteStream);
    writeStdout('1}\n', stream as unknown as NodeJS.WriteStream);
    // Nothing has been accepted yet: an executor that resolved now would lose the document.
    expect(received.join('')).toBe('');
    await drainStdout(stream as unknown as NodeJS.WriteStream);
    expect(received.join('')).toBe('{"a":\n1}\n');
  });

  it('keeps a write error for drainStdout instead of leaving an unhandled rejection', async () => {
    const broken = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('write EPIPE'));
      },
    });
    broken.on('error', () => undefined);
    writeStdout('{}\n', broken as unknown as NodeJS.WriteStream);
    await expect(drainStdout(broken as unknown as NodeJS.WriteStream)).rejects.toThrow('write EPIPE');
  });
});
