import { ConfigError, loadConfig } from './platform/config.js';
import { openDatabase } from './platform/database.js';
import { migrate } from './platform/migrate.js';

const USAGE = `Usage: layan <command>
  migrate        apply pending database migrations
  demo load      load (or reload) the demo MPPs, staff accounts and device tokens
  demo remove    remove the demo MPPs and demo staff accounts
  regions import <provinces.csv> <regencies.csv>
                 upsert provinces and kabupaten/kota (Kemendagri codes) from CSV
`;

async function run(argv: string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const { db, release } = await openDatabase(config);
  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrate(db);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
        return 0;
      }
      case 'demo': {
        await migrate(db);
        const { loadDemo, removeDemo, formatSummary } = await import('./demo/load.js');
        if (argv[1] === 'load') {
          process.stdout.write(formatSummary(await loadDemo(db)));
          return 0;
        }
        if (argv[1] === 'remove') {
          const removed = await removeDemo(db);
          process.stdout.write(`Removed ${removed.mpps} demo MPPs and ${removed.users} demo accounts.\n`);
          return 0;
        }
        process.stderr.write(`Unknown demo command "${argv[1] ?? ''}".\n${USAGE}`);
        return 2;
      }
      case 'regions': {
        if (argv[1] !== 'import' || !argv[2] || !argv[3]) {
          process.stderr.write(USAGE);
          return 2;
        }
        await migrate(db);
        const { readFile } = await import('node:fs/promises');
        const { importRegions } = await import('./catalog/regions.js');
        const result = await importRegions(db, await readFile(argv[2], 'utf8'), await readFile(argv[3], 'utf8'));
        if (result.errors.length) {
          for (const e of result.errors) process.stderr.write(`${e.file} row ${e.row}: ${e.reason}\n`);
          process.stderr.write('Nothing was written.\n');
          return 1;
        }
        process.stdout.write(`Regions: ${result.provinces} provinces and ${result.regencies} kabupaten/kota upserted.\n`);
        return 0;
      }
      default:
        process.stderr.write(`Unknown command "${command}".\n${USAGE}`);
        return 2;
    }
  } finally {
    await release();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`layan: ${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
    process.exit(1);
  },
);
