import { prepareEnv } from './lib/env.js';
const t = Date.now();
const env = await prepareEnv();
console.log('setup ms', Date.now() - t, env.interestingIds.length, env.allIds.length);
const c = env.db.orm.em.getConnection();
console.log(await c.execute('select count(*) from license.license'), await c.execute('select count(*) from legal_entity.legal_entity'));
await env.close();
