import { ConfigError, loadConfig } from './platform/config.js';
import { openDatabase } from './platform/database.js';
import { migrate } from './platform/migrate.js';

const USAGE = `Usage: layan <command>
  migrate        apply pending database migrations
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
