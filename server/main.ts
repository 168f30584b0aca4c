import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`配置有误：${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const app = await buildApp({ config });
  if (config.dataKeySource === 'generated') app.log.warn('已生成新的数据密钥（演示模式），保存在数据库所在目录的 data-key 文件中');

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  console.log(`临江社区服务已启动：http://${shownHost}:${config.port}${config.production ? '' : '（演示模式）'}`);
}

main().catch((error: unknown) => {
  console.error('服务启动失败：', error instanceof Error ? error.message : error);
  process.exit(1);
});
