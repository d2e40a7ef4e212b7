'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, ErrorBanner, Field, Input, Select } from '@/components/ui/primitives';
import type { Role } from '@/server/users/users.labels';
import { useTRPC } from '@/trpc/client';
import { useDeskUser } from '@/components/users/desk-user';
import { errorMessage, noFormErrors, toFormErrors, type FormErrors } from '@/components/ui/form-errors';

const ROLES: Array<{ value: Role; label: string }> = [
  { value: 'viewer', label: 'Viewer' },
  { value: 'editor', label: 'Editor' },
  { value: 'admin', label: 'Admin' },
];

/** A temporary password, shown once for the admin to pass on. */
function TemporaryPassword({ email, password, onDismiss }: { email: string; password: string; onDismiss: () => void }) {
  return (
    <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950">
      <p className="font-medium">
        Temporary password: <code className="rounded bg-white px-1.5 py-0.5 font-mono text-base select-all">{password}</code>
      </p>
      <p className="mt-1 text-emerald-900">
        For {email}. It is shown only this once: pass it on privately. They will be asked to choose their own.
      </p>
      <Button variant="secondary" className="mt-2" onClick={onDismiss}>
        Done
      </Button>
    </div>
  );
}

function AddUserForm({ onCreated }: { onCreated: (email: string, password: string) => void }) {
  const trpc = useTRPC();
  const [values, setValues] = useState({ email: '', name: '', role: 'viewer' as Role });
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (result) => {
        onCreated(result.user.email, result.temporaryPassword);
        setValues({ email: '', name: '', role: 'viewer' });
      },
      onError: (error) => setErrors(toFormErrors(error, ['email', 'name', 'role'])),
    }),
  );

  return (
    <form
      noValidate
      className="rounded-lg border border-stone-200 bg-white p-4"
      aria-labelledby="add-user-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setErrors(noFormErrors);
        create.mutate(values);
      }}
    >
      <h2 id="add-user-heading" className="text-lg font-semibold text-ink">
        Add user
      </h2>
      <div className="mt-3 space-y-3">
        <ErrorBanner>{errors.banner}</ErrorBanner>
        <div className="grid gap-4 sm:grid-cols-[2fr_2fr_1fr_auto] sm:items-start">
          <Field id="new-user-email" label="Email" error={errors.fields.email}>
            {(props) => (
              <Input
                {...props}
                type="email"
                autoComplete="off"
                value={values.email}
                onChange={(event) => setValues((current) => ({ ...current, email: event.target.value }))}
                maxLength={254}
                required
              />
            )}
          </Field>
          <Field id="new-user-name" label="Name" error={errors.fields.name}>
            {(props) => (
              <Input
                {...props}
                autoComplete="off"
                value={values.name}
                onChange={(event) => setValues((current) => ({ ...current, name: event.target.value }))}
                maxLength={120}
              />
            )}
          </Field>
          <Field id="new-user-role" label="Role" error={errors.fields.role}>
            {(props) => (
              <Select {...props} value={values.role} onChange={(event) => setValues((current) => ({ ...current, role: event.target.value as Role }))}>
                {ROLES.map((role) => (
                  <option key={role.value} value={role.value}>
                    {role.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit" disabled={create.isPending} className="sm:mt-6">
            Create user
          </Button>
        </div>
      </div>
    </form>
  );
}

/** Admins manage desk accounts: create (with a temporary password), change role, disable, reset a password, sign out everywhere. */
export function UsersAdmin() {
  const trpc = useTRPC();
  const me = useDeskUser();
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ email: string; password: string } | null>(null);
  const users = useQuery(trpc.users.list.queryOptions());

  const mutationCallbacks = {
    onMutate: () => setError(null),
    onError: (caught: unknown) => setError(errorMessage(caught)),
  };
  const setRole = useMutation(trpc.users.setRole.mutationOptions(mutationCallbacks));
  const setActive = useMutation(trpc.users.setActive.mutationOptions(mutationCallbacks));
  const resetPassword = useMutation(
    trpc.users.resetPassword.mutationOptions({
      ...mutationCallbacks,
      onSuccess: (result) => setIssued({ email: result.user.email, password: result.temporaryPassword }),
    }),
  );
  const endSessions = useMutation(trpc.users.endSessions.mutationOptions(mutationCallbacks));
  const busy = setRole.isPending || setActive.isPending || resetPassword.isPending || endSessions.isPending;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Users</h1>
        <p className="mt-1 text-sm text-stone-600">
          Viewers read the desk; editors also create, edit, delete and publish; admins also manage users.
        </p>
      </div>

      {issued ? <TemporaryPassword email={issued.email} password={issued.password} onDismiss={() => setIssued(null)} /> : null}

      <AddUserForm
        onCreated={(email, password) => {
          setError(null);
          setIssued({ email, password });
        }}
      />

      <section aria-labelledby="users-heading">
        <h2 id="users-heading" className="sr-only">
          All users
        </h2>
        <ErrorBanner>{error}</ErrorBanner>
        {users.error ? <ErrorBanner>{errorMessage(users.error)}</ErrorBanner> : null}
        <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-200 bg-stone-50 text-xs tracking-wide text-stone-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Email</th>
                <th scope="col" className="px-4 py-2 font-medium">Name</th>
                <th scope="col" className="px-4 py-2 font-medium">Role</th>
                <th scope="col" className="px-4 py-2 font-medium">Active</th>
                <th scope="col" className="px-4 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {users.isPending ? (
                <tr>
                  <td colSpan={5} className="px-4 py-6 text-stone-500">Loading…</td>
                </tr>
              ) : (
                (users.data ?? []).map((user) => (
                  <tr key={user.id} className={user.active ? '' : 'bg-stone-50 text-stone-500'}>
                    <td className="px-4 py-2.5 font-medium">
                      {user.email}
                      {user.id === me.id ? <span className="ml-2 text-xs font-normal text-stone-500">(you)</span> : null}
                    </td>
                    <td className="px-4 py-2.5">{user.name || <span className="text-stone-400">—</span>}</td>
                    <td className="px-4 py-2.5">
                      <label htmlFor={`role-${user.id}`} className="sr-only">
                        Role for {user.email}
                      </label>
                      <Select
                        id={`role-${user.id}`}
                        className="mt-0 w-32"
                        value={user.role}
                        disabled={busy}
                        onChange={(event) => setRole.mutate({ id: user.id, version: user.version, role: event.target.value as Role })}
                      >
                        {ROLES.map((role) => (
                          <option key={role.value} value={role.value}>
                            {role.label}
                          </option>
                        ))}
                      </Select>
                    </td>
                    <td className="px-4 py-2.5">
                      {user.active ? 'Active' : 'Disabled'}
                      {user.active && user.mustChangePassword ? (
                        <span className="ml-2 text-xs text-amber-800">temporary password</span>
                      ) : null}
                      {user.active ? (
                        <span className="block text-xs text-stone-500">
                          {user.liveSessions === 1 ? 'signed in on 1 device' : `signed in on ${user.liveSessions} devices`}
                        </span>
                      ) : null}
                    </td>
                    <td className="px-4 py-2 text-right whitespace-nowrap">
                      <div className="flex justify-end gap-2">
                        <Button
                          variant={user.active ? 'danger' : 'secondary'}
                          disabled={busy}
                          onClick={() => setActive.mutate({ id: user.id, version: user.version, active: !user.active })}
                        >
                          {user.active ? 'Disable' : 'Enable'}
                        </Button>
                        <Button
                          variant="secondary"
                          disabled={busy}
                          onClick={() => resetPassword.mutate({ id: user.id, version: user.version })}
                        >
                          Reset password
                        </Button>
                        <Button
                          variant="secondary"
                          disabled={busy || user.liveSessions === 0}
                          title="Ends every session of this user; they sign in again"
                          onClick={() => endSessions.mutate({ id: user.id })}
                        >
                          Sign out everywhere
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
