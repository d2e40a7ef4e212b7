import { parseArgs } from 'node:util';
import type { Database } from '@/server/db/client';
import { roles, type Role } from './schema';
import { createUser, findUserByEmail, setUserActive, setUserPassword, setUserRole } from './users.service';
import { emailSchema, roleSchema } from './users.input';

export const USER_CLI_USAGE = `Usage: npm run user -- <command> [options]

  create       --email E --role viewer|editor|admin [--name N]   password from USER_PASSWORD or a prompt
  set-role     --email E --role viewer|editor|admin
  set-password --email E                                         password from USER_PASSWORD or a prompt
  disable      --email E
  enable       --email E
  list`;

export interface CliIo {
  out: (line: string) => void;
  /** Returns the new password: USER_PASSWORD, or asked at a hidden prompt. */
  readPassword: () => Promise<string>;
}

export class CliUsageError extends Error {}

/** The operators' user commands, as a plain function so tests call it directly. Returns the process exit code. */
export async function runUserCommand(db: Database, argv: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0];
  if (values.help || !command) {
    io.out(USER_CLI_USAGE);
    return command || values.help ? 0 : 2;
  }
  if (command === 'list') {
    const { listUsers } = await import('./users.service');
    for (const user of await listUsers(db)) io.out(`${user.email}\t${user.role}\t${user.active ? 'active' : 'disabled'}`);
    return 0;
  }

  const email = parseOrThrow(emailSchema, values.email, '--email');
  const role = (): Role => parseOrThrow(roleSchema, values.role, `--role (one of ${roles.join(', ')})`);
  const existing = async () => {
    const user = await findUserByEmail(db, email);
    if (!user) throw new CliUsageError(`No user with email ${email}.`);
    return user;
  };

  switch (command) {
    case 'create': {
      const chosenRole = role();
      if (await findUserByEmail(db, email)) throw new CliUsageError(`A user with email ${email} already exists.`);
      const user = await createUser(db, null, { email, name: values.name ?? '', role: chosenRole, password: await io.readPassword() });
      io.out(`Created ${user.email} (${user.role}).`);
      return 0;
    }
    case 'set-role': {
      const user = await setUserRole(db, null, { id: (await existing()).id, role: role() });
      io.out(`${user.email} is now ${user.role}.`);
      return 0;
    }
    case 'set-password': {
      const user = await existing();
      await setUserPassword(db, null, user.id, await io.readPassword());
      io.out(`Password changed for ${user.email}.`);
      return 0;
    }
    case 'disable':
    case 'enable': {
      const user = await setUserActive(db, null, { id: (await existing()).id, active: command === 'enable' });
      io.out(`${user.email} is ${user.active ? 'enabled' : 'disabled'}.`);
      return 0;
    }
    default:
      throw new CliUsageError(`Unknown command "${command}".\n\n${USER_CLI_USAGE}`);
  }
}

function parseOrThrow<T>(schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } } }, value: unknown, flag: string): T {
  if (value === undefined) throw new CliUsageError(`Missing ${flag}.`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CliUsageError(`${flag}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
