/**
 * Operator commands on the configured database (the same environment as the server: DATABASE_URL or
 * DATABASE_PATH, DATA_KEY, NODE_ENV):
 *   npm run admin -- create-worker --name 张敏 (--community xinshi | --town 220681002 | --city) [--phone 139…]
 *   npm run admin -- import-points points.csv
 *   npm run seed:demo            (demo accounts and invented data; never needed in production)
 * The database is migrated first, as the server would at start. Exit code 1 on any refusal, in words.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { openDatabase, prepareDatabase } from '../db';
import { features } from '../features';
import { createWorker } from '../features/auth/workers';
import { featuresForMode } from '../lib/feature';
import { createPrivacy } from '../lib/privacy/crypto';
import { importServicePoints } from './import-points';

const USAGE = `用法：
  npm run admin -- create-worker --name 姓名 (--community 社区代码 | --town 街道代码 | --city) [--phone 手机号]
                  --city：市民政局的工作人员，只能查看各街道的规划监测
  npm run admin -- import-points 文件.csv
  npm run admin -- seed-demo`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  const db = openDatabase(config.database);
  const privacy = createPrivacy(config.dataKey);
  const now = new Date();
  try {
    // seed-demo prepares with every demo seed; the others as the server in this mode would.
    const demo = command === 'seed-demo';
    const prepared = await prepareDatabase(db, demo ? features : featuresForMode(features, config.production), { privacy, now });
    if (demo) {
      console.log(prepared.seeded.length > 0 ? `已加入演示数据：${prepared.seeded.join('、')}` : '演示数据已经在了，没有重复加入');
      return 0;
    }
    if (command === 'create-worker') {
      const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, community: { type: 'string' }, town: { type: 'string' }, city: { type: 'boolean' }, phone: { type: 'string' } } });
      if (!values.name) throw new Error('请用 --name 给出工作人员的姓名');
      const worker = await createWorker(db, privacy, now, { displayName: values.name, communityId: values.community, townCode: values.town, city: values.city, phone: values.phone });
      console.log(`已创建工作人员账号（编号 ${worker.userId}）。激活码：${worker.activationCode}`);
      console.log(`请当面或电话告诉本人：在小程序 我的 → 登录 里填写激活码，再点 微信一键登录。激活码 ${worker.expiresAt.slice(0, 10)} 前有效，只能用一次。`);
      return 0;
    }
    if (command === 'import-points') {
      if (!rest[0]) throw new Error('请给出 CSV 文件的路径');
      const result = await importServicePoints(db, readFileSync(rest[0], 'utf8'));
      if (result.errors.length > 0) {
        for (const error of result.errors) console.error(`第 ${error.line} 行：${error.message}`);
        console.error(`有 ${result.errors.length} 处错误，没有导入任何服务点。改好后请重新导入整个文件。`);
        return 1;
      }
      console.log(`已导入 ${result.imported} 个服务点。`);
      return 0;
    }
    console.error(USAGE);
    return 1;
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? `配置有误：${error.message}` : `没有完成：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
