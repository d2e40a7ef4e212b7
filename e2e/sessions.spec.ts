import type { Cookie, Page, PlaywrightWorkerArgs } from '@playwright/test';
import {
  atPath,
  DEMO_DOSSIER_SLUG,
  expect,
  SESSION_COOKIE,
  signInThroughForm,
  test,
  TrpcClient,
  type AdminApi,
  type Role,
} from './fixtures';

/**
 * Sessions end on the server, not only in the browser: what the person whose session ends notices. Every test
 * works on a fresh account (the demo accounts' saved sessions are shared by all specs and must stay alive),
 * signed in through the real /login form in browser contexts of its own.
 */

const DOSSIER_PATH = `/desk/dossiers/${DEMO_DOSSIER_SLUG}`;
const GENERIC_SIGN_IN_ERROR = 'That email and password do not match an active account.';
const PASSWORD_CHANGED_NOTICE = 'Your password was changed and every session signed out. Sign in with the new password.';
const TEMPORARY_PASSWORD_BANNER = 'You are using a temporary password.';

async function createAccount(adminApi: AdminApi, email: string, role: Role) {
  const { user, temporaryPassword } = await adminApi.createUser({ email, role, name: `E2E ${role}` });
  return { email: user.email, password: temporaryPassword };
}

async function sessionCookieOf(page: Page): Promise<Cookie> {
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === SESSION_COOKIE);
  expect(cookie, `the ${SESSION_COOKIE} cookie`).toBeDefined();
  return cookie!;
}

/**
 * What the server answers someone presenting nothing but this session cookie (say, copied off the laptop):
 * `users.me` over tRPC, and next-auth's session endpoint.
 */
async function answersFor(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined, cookie: Cookie) {
  const request = await playwright.request.newContext({ baseURL, storageState: { cookies: [cookie], origins: [] } });
  try {
    const me = await new TrpcClient(request).query<{ email: string }>('users.me', undefined);
    const session = (await (await request.get('/api/auth/session')).json()) as { user?: { email?: string } };
    return { me, session };
  } finally {
    await request.dispose();
  }
}

/** A desk page the person opens next (a full navigation) sends them to /login, coming back there afterwards. */
async function expectSentToLogin(page: Page, path = DOSSIER_PATH) {
  await page.goto(path);
  await expect(page).toHaveURL(atPath('/login'));
  expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe(path);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Desk' })).toHaveCount(0);
}

test('an admin disabling an account ends its open session, and enabling it again does not bring that session back', async ({
  adminApi,
  pageAs,
  newSignedOutPage,
  uniqueSlug,
  playwright,
  baseURL,
}) => {
  const account = await createAccount(adminApi, `${uniqueSlug('disabled')}@example.org`, 'editor');
  const person = await newSignedOutPage();
  await signInThroughForm(person, account.email, account.password);
  await person.goto(DOSSIER_PATH);
  await expect(person.getByRole('link', { name: 'Add source' })).toBeVisible();
  const cookie = await sessionCookieOf(person);
  expect((await answersFor(playwright, baseURL, cookie)).me.data?.email).toBe(account.email);

  // Browser B: the admin disables the account on /desk/users.
  const admin = await pageAs('admin');
  await admin.goto('/desk/users');
  const row = admin.getByRole('row').filter({ hasText: account.email });
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByRole('button', { name: 'Enable' })).toBeVisible();
  await expect(row).toContainText('Disabled');

  // Browser A, on its next navigation: the sign-in page. The old cookie gets 401 from tRPC.
  await expectSentToLogin(person);
  const afterDisabling = await answersFor(playwright, baseURL, cookie);
  expect(afterDisabling.me.status).toBe(401);
  expect(afterDisabling.me.error?.code).toBe('UNAUTHORIZED');
  expect(afterDisabling.session).toEqual({});

  // Enabling the account again does not revive the session that disabling ended.
  await row.getByRole('button', { name: 'Enable' }).click();
  await expect(row.getByRole('button', { name: 'Disable' })).toBeVisible();
  await expect(row).toContainText('Active');
  await expectSentToLogin(person);
  const afterEnabling = await answersFor(playwright, baseURL, cookie);
  expect(afterEnabling.me.status).toBe(401);
  expect(afterEnabling.session).toEqual({});

  // The account itself works again: signing in anew does.
  await signInThroughForm(person, account.email, account.password);
});

test('signing out with the desk\'s button kills the session cookie on the server, not only in the browser', async ({
  adminApi,
  browser,
  baseURL,
  newSignedOutPage,
  uniqueSlug,
  playwright,
}) => {
  const account = await createAccount(adminApi, `${uniqueSlug('sign-out')}@example.org`, 'viewer');
  const person = await newSignedOutPage();
  await signInThroughForm(person, account.email, account.password);
  const cookie = await sessionCookieOf(person);

  // A second browser holding a copy of the cookie is signed in as the person: the copy works…
  const copyContext = await browser.newContext({ baseURL });
  try {
    await copyContext.addCookies([cookie]);
    const copy = await copyContext.newPage();
    await copy.goto('/desk');
    await expect(copy).toHaveURL(atPath('/desk'));
    await expect(copy.getByRole('link', { name: account.email })).toBeVisible();

    await person.getByRole('button', { name: 'Sign out' }).click();
    await expect(person).toHaveURL(atPath('/login'));
    await expect(person.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect((await person.context().cookies()).map((each) => each.name)).not.toContain(SESSION_COOKIE);

    // …until the person signs out: then the same cookie, still in the second browser, is refused.
    await expectSentToLogin(copy, '/desk');
    const answers = await answersFor(playwright, baseURL, cookie);
    expect(answers.me.status).toBe(401);
    expect(answers.session).toEqual({});
  } finally {
    await copyContext.close();
  }
});

test('changing one\'s own password signs out every session; only the new password signs in', async ({
  adminApi,
  newSignedOutPage,
  uniqueSlug,
}) => {
  const account = await createAccount(adminApi, `${uniqueSlug('password')}@example.org`, 'editor');
  const newPassword = `a new passphrase for ${uniqueSlug('pw')}`;

  // Signed in earlier on another device, still open.
  const otherDevice = await newSignedOutPage();
  await signInThroughForm(otherDevice, account.email, account.password);

  const person = await newSignedOutPage();
  await signInThroughForm(person, account.email, account.password);
  await expect(person.getByText(TEMPORARY_PASSWORD_BANNER)).toBeVisible();
  await person.getByRole('link', { name: 'Choose your own' }).click();
  await expect(person).toHaveURL(atPath('/desk/account'));
  await person.getByLabel('Current password').fill(account.password);
  await person.getByLabel('New password').fill(newPassword);
  await person.getByRole('button', { name: 'Change password' }).click();

  await expect(person).toHaveURL(atPath('/login'));
  expect(new URL(person.url()).searchParams.get('notice')).toBe('password-changed');
  await expect(person.getByText(PASSWORD_CHANGED_NOTICE)).toBeVisible();
  expect((await person.context().cookies()).map((each) => each.name)).not.toContain(SESSION_COOKIE);

  // The other device's session ended too: its next navigation lands on the sign-in page.
  await expectSentToLogin(otherDevice);

  // The old password no longer signs in…
  await person.getByLabel('Email').fill(account.email);
  await person.getByLabel('Password').fill(account.password);
  await person.getByRole('button', { name: 'Sign in' }).click();
  await expect(person.getByRole('alert').filter({ hasText: /\S/ })).toHaveText([GENERIC_SIGN_IN_ERROR]);
  await expect(person).toHaveURL(atPath('/login'));

  // …the new one does, and the temporary-password reminder is gone.
  await signInThroughForm(person, account.email, newPassword);
  await expect(person.getByText(TEMPORARY_PASSWORD_BANNER)).toHaveCount(0);
});

test('an admin changing someone\'s role sends their open session to the sign-in page', async ({
  adminApi,
  pageAs,
  newSignedOutPage,
  uniqueSlug,
}) => {
  const account = await createAccount(adminApi, `${uniqueSlug('role')}@example.org`, 'editor');
  const person = await newSignedOutPage();
  await signInThroughForm(person, account.email, account.password);
  await person.goto(DOSSIER_PATH);
  await expect(person.getByRole('link', { name: 'Add source' })).toBeVisible();

  const admin = await pageAs('admin');
  await admin.goto('/desk/users');
  const role = admin.getByLabel(`Role for ${account.email}`);
  await expect(role).toHaveValue('editor');
  const saved = admin.waitForResponse((response) => response.url().includes('users.setRole') && response.request().method() === 'POST');
  await role.selectOption('viewer');
  expect((await saved).ok()).toBe(true);
  await expect(role).toHaveValue('viewer');
  await expect(role).toBeEnabled();
  expect((await adminApi.user(account.email)).role).toBe('viewer');

  await expectSentToLogin(person);
});
