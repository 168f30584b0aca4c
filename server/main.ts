import cluster from 'node:cluster';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { isDatabaseUnavailable } from './db/portable';

/** How long a worker must have lived for its death to count as a crash rather than a failure to start. */
const HEALTHY_LIFETIME_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`配置有误：${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/** One server process: the app (API + h5) listening on the port; in cluster mode the workers share it. */
async function serve(config: Config): Promise<void> {
  const app = await buildApp({ config });
  if (config.dataKeySource === 'generated') app.log.warn('已生成新的数据密钥（演示模式），保存在数据库所在目录的 data-key 文件中');

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  const worker = cluster.isWorker ? `（进程 ${cluster.worker?.id}/${config.webConcurrency}）` : '';
  const database = config.database.kind === 'postgres' ? 'PostgreSQL' : 'SQLite';
  console.log(`临江社区服务已启动：http://${shownHost}:${config.port}${config.production ? '' : '（演示模式）'}，数据库 ${database}${worker}`);
}

/**
 * WEB_CONCURRENCY=N (PostgreSQL only): this process forks N workers that share the port (Node's cluster module
 * hands connections round-robin) and replaces a worker that dies, waiting longer each time one dies young (a
 * database that is down at start must not make it spin). Each worker migrates under the database lock, so the
 * first does the work and the rest find it done. SIGTERM/SIGINT stop the workers, then this process.
 */
function superviseWorkers(config: Config): void {
  let stopping = false;
  let restartDelay = 1000;
  const startedAt = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? Date.now());
    startedAt.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    restartDelay = lived > HEALTHY_LIFETIME_MS ? 1000 : Math.min(restartDelay * 2, MAX_RESTART_DELAY_MS);
    console.error(`服务进程 ${worker.id} 已退出（${signal ?? `代码 ${code}`}），${restartDelay / 1000} 秒后重新启动`);
    setTimeout(fork, restartDelay);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    });
  }
  console.log(`启动 ${config.webConcurrency} 个服务进程，共用端口 ${config.port}`);
  for (let i = 0; i < config.webConcurrency; i += 1) fork();
}

// The primary reads the configuration first: in demo mode that writes the data key file once, before any
// worker could race to create its own.
const config = readConfig();
if (config.webConcurrency > 1 && cluster.isPrimary) {
  superviseWorkers(config);
} else {
  serve(config).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    if (isDatabaseUnavailable(error)) console.error(`服务启动失败：连不上数据库，请检查 DATABASE_URL 和数据库是否已启动（${reason}）`);
    else console.error('服务启动失败：', reason);
    process.exit(1);
  });
}
