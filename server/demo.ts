// First start on an empty DATA_DIR: the demo hall of a Vodokanal customer office (the
// `vodokanal` template) and the `admin` account (password from QUEUE_ADMIN_PASSWORD, or
// generated and written once to DATA_DIR/initial-admin-password.txt, mode 0600; a generated one
// must be changed at the first login).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { ConfigStore } from './config/store';
import { templates } from './config/templates';
import { generatePassword, type AdminService } from './hall/admin';

export async function seedDemoHall(admin: AdminService, config: ConfigStore, dataDir: string, adminPassword: string | null, log: Logger) {
  if (admin.listUsers().length > 0 || admin.listServices().length > 0) return;
  const { doc } = templates.vodokanal;
  await config.import(doc, { actor: null, dryRun: false, action: 'template' });
  let password = adminPassword;
  if (!password) {
    password = generatePassword();
    const file = join(dataDir, 'initial-admin-password.txt');
    writeFileSync(file, password + '\n', { mode: 0o600 });
    // Said once, on the first start only: the file keeps it for the installer.
    log.warn(`First start: the admin password is ${password} (also in ${file}); it must be changed at the first login`);
  }
  await admin.createUser({ login: 'admin', name: 'Администратор', password, role: 'admin', mustChangePassword: !adminPassword });
  log.info('demo hall created: %d services, %d counters', doc.services!.length, doc.counters!.length);
}
