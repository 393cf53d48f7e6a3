import readline from 'node:readline';

/** Bytes in the units people read on a disk's label. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export interface ProgressLine {
  update(state: { label: string; files: number; filesTotal: number; bytes: number; bytesTotal: number }): void;
  done(): void;
}

/**
 * A bar redrawn in place where stdout is a terminal; elsewhere (a log, a
 * systemd journal, a test) one line per phase and every ten per cent, so a
 * log file does not fill with carriage returns.
 */
export function progressLine(out: NodeJS.WriteStream = process.stdout): ProgressLine {
  const tty = out.isTTY === true;
  let lastLabel = '';
  let lastTenth = -1;
  let drawn = false;
  return {
    update({ label, files, filesTotal, bytes, bytesTotal }) {
      const share = bytesTotal > 0 ? Math.min(1, bytes / bytesTotal) : 0;
      const text = `${label}: ${formatBytes(bytes)} of ${formatBytes(bytesTotal)}, ${files}/${filesTotal} files`;
      if (tty) {
        const width = 24;
        const filled = Math.round(share * width);
        out.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${text}\x1b[K`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(share * 10);
      if (label !== lastLabel || tenth !== lastTenth) out.write(`${text} (${Math.round(share * 100)}%)\n`);
      lastLabel = label;
      lastTenth = tenth;
    },
    done() {
      if (tty && drawn) out.write('\n');
    },
  };
}

/**
 * Asks for a secret on the terminal without echoing it. From a pipe (a
 * script) it reads one line: the recovery key is never an argument, where it
 * would sit in the shell's history and the process list.
 */
export function askSecret(question: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!input.isTTY) {
      const rl = readline.createInterface({ input, terminal: false });
      let answered = false;
      rl.once('line', (line) => {
        answered = true;
        rl.close();
        resolve(line);
      });
      rl.once('close', () => {
        if (!answered) reject(new Error('no recovery key was given on standard input'));
      });
      return;
    }
    output.write(question);
    input.setRawMode(true);
    input.resume();
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          finish();
          return resolve(typed);
        }
        if (char === '\u0003') {
          finish();
          return reject(new Error('cancelled'));
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
        // One dot per character, so a person sees the typing land without the key showing.
        output.write(char === '\u007f' || char === '\b' ? '\b \b' : '•');
      }
    };
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
    };
    input.on('data', onData);
  });
}
