import { buildApp } from './app.js';
import { startComplaintSweeper } from './complaints/sweep.js';
import { startAggregateFolder } from './operations/aggregate-folder.js';
import { startScorecardRefresher } from './operations/scorecard-jobs.js';
import { startBoardSweep } from './queue/board-publisher.js';
import { ensureInitialAdmin } from './identity/service.js';
import { bookingKeyInDatabase } from './booking/keys.js';
import { ConfigError, loadConfig, secretWarnings, type Config } from './platform/config.js';
import { openDatabase } from './platform/database.js';
import { DataDirLockedError } from './platform/datadir-lock.js';
import { migrate } from './platform/migrate.js';

function fail(message: string): never {
  process.stderr.write(`layan: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  let opened;
  try {
    opened = await openDatabase(config, {
      onWait: (attempt, err) =>
        process.stderr.write(`layan: waiting for the database (attempt ${attempt}, up to ${config.dbStartWaitSeconds} s): ${err.message}\n`),
    });
  } catch (err) {
    if (err instanceof DataDirLockedError) fail(err.message);
    fail(`cannot open the database: ${(err as Error).message}`);
  }
  const { db, release } = opened;
  await migrate(db);
  const admin = await ensureInitialAdmin(db, config.adminEmail, config.adminPassword);
  const { app, ctx } = await buildApp(db, config);
  for (const warning of secretWarnings(config)) app.log.warn(`SECURITY: ${warning}`);
  if (config.bookingSecret && (await bookingKeyInDatabase(db))) {
    app.log.warn(
      'SECURITY: a booking key generated before BOOKING_SECRET was set is still in the database (booking_secrets); ' +
        'NIK hashes made with it can be reversed from a copy of the database. Delete that row once the bookings made before have passed.',
    );
  }
  if (config.demo) {
    const { loadDemoIfEmpty } = await import('./demo/load.js');
    await loadDemoIfEmpty(db, app.log);
  }
  ctx.outbox.start();
  const stopComplaintSweeper = startComplaintSweeper(db, ctx.clock, (err) => app.log.error({ err }, 'complaint sweep failed'));
  const stopScorecardRefresher = startScorecardRefresher(db, ctx.clock, (err) => app.log.error({ err }, 'scorecard refresh failed'));
  const stopAggregateFolder = startAggregateFolder(db, (err) => app.log.error({ err }, 'statistics fold failed'));
  const stopBoardSweep = startBoardSweep(db, (err) => app.log.error({ err }, 'board event publication failed'));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // Keep-alive connections that go idle after close() began would hold the server open until their
    // timeout; close them as they go idle. A hard deadline bounds a stuck request.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      app.log.warn('in-flight requests did not finish within 20 s; exiting');
      process.exit(1);
    }, 20_000);
    await app.close();
    stopComplaintSweeper();
    stopScorecardRefresher();
    stopAggregateFolder();
    stopBoardSweep();
    clearInterval(sweep);
    clearTimeout(deadline);
    await ctx.outbox.stop();
    await release();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://${shownHost}:${port}`;
  const lines = [`Layan is running at ${url}`, `Database: ${db.kind === 'pglite' ? `embedded (${config.dataDir})` : 'PostgreSQL server'}`];
  if (admin) {
    lines.push(`First national admin: ${admin.email}`);
    if (admin.password) lines.push(`Temporary password (shown once, change it at first sign-in): ${admin.password}`);
  }
  process.stdout.write(`\n${lines.map((l) => `  ${l}`).join('\n')}\n\n`);
}

void main();
