import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { StoreError } from '../core/db/store-error';
import { backupCommands, backupUsage, runBackupCommand, type BackupCommand, type CommandIo } from './backup-cli';
import { startHost } from './host';

export const usage = `Usage: npm run host -- --data DIR --key-file PATH [--listen ADDR] [--port N] [--audit-anchors PATH] [--web]

  --data DIR        folder for the encrypted database (created on first run)
  --key-file PATH   the database key; created with mode 0600 on first run.
                    Keep it off the data volume.
  --listen ADDR     address to listen on (default 127.0.0.1; the LAN address to serve workstations)
  --port N          TCP port (default 8443; 0 picks a free one)
  --audit-anchors PATH
                    the append-only file of audit checkpoints (default:
                    audit-anchors.log beside the data folder). Put it on
                    another volume and copy it off the host.
  --web             also serve the user interface to browsers at https://ADDR:PORT/

${backupUsage}`;

export interface CliArgs {
  dataDir: string;
  keyFile: string;
  listen: string;
  port: number;
  web: boolean;
  anchorFile?: string;
}

export function parseCliArgs(argv: string[]): CliArgs | { error: string } | { help: true } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        'key-file': { type: 'string' },
        listen: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8443' },
        web: { type: 'boolean', default: false },
        'audit-anchors': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.help) return { help: true };
  if (!values.data) return { error: '--data DIR is required' };
  if (!values['key-file']) return { error: '--key-file PATH is required' };
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { error: `--port must be a number from 0 to 65535, not "${values.port}"` };
  return {
    dataDir: values.data,
    keyFile: values['key-file'],
    listen: values.listen,
    port,
    web: values.web,
    ...(values['audit-anchors'] ? { anchorFile: values['audit-anchors'] } : {}),
  };
}

export async function main(argv: string[], io?: CommandIo): Promise<number> {
  const [first, ...rest] = argv;
  if (backupCommands.includes(first as BackupCommand)) return runBackupCommand(first as BackupCommand, rest, io);
  const args = parseCliArgs(argv);
  if ('help' in args) {
    console.log(usage);
    return 0;
  }
  if ('error' in args) {
    console.error(`barnahus-host: ${args.error}\n\n${usage}`);
    return 2;
  }
  try {
    const host = await startHost({
      dataDir: args.dataDir,
      keyFile: args.keyFile,
      listen: args.listen,
      port: args.port,
      ...(args.anchorFile ? { anchorFile: args.anchorFile } : {}),
      ...(args.web ? { webRoot: fileURLToPath(new URL('../renderer', import.meta.url)) } : {}),
    });
    console.log(host.readyLine);
    const stop = () => {
      // Closing commits nothing new (every call is its own transaction); bound it so a stuck client cannot hold the host.
      setTimeout(() => process.exit(0), 5000).unref();
      void host.close().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  } catch (error) {
    if (error instanceof StoreError) {
      console.error(`barnahus-host: ${error.message}`);
      return 1;
    }
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'EACCES') {
      console.error(`barnahus-host: cannot listen on ${args.listen}:${args.port} (${code}).`);
      return 1;
    }
    throw error;
  }
}
